/**
 * The mock with a 1,000,000-request job (250,000 with `--quick`, as its names say): upload, validation of every line,
 * the memory the simulator holds for it, and its output streamed (from the simulator, then over HTTP) while memory
 * is sampled.
 */
import { createBatchSimulator } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";
import type { Bench } from "../lib/BenchEntry.js";
import { figure } from "../lib/stats.js";

const MB = 1e6;

function input(lines: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0; i < lines; i++) {
    parts.push(`{"custom_id":"${i}","body":{"max_tokens":16,"messages":[{"role":"user","content":"Question ${i}"}]}}`);
  }
  return new TextEncoder().encode(parts.join("\n"));
}

/** Heap and array buffers in use. */
function inUse(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Memory in use after a full collection (run with --expose-gc). */
function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return inUse();
}

/** Reads a stream to its end, sampling memory, and returns its bytes and the peak of memory above `base`. */
async function drain(stream: AsyncIterable<Uint8Array>, base: number): Promise<{ bytes: number; peak: number }> {
  let bytes = 0;
  let peak = 0;
  let chunks = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (++chunks % 50 === 0) peak = Math.max(peak, inUse() - base);
  }
  return { bytes, peak };
}

const bench: Bench = async ({ quick }) => {
  const lines = quick ? 250_000 : 1_000_000;
  const prefix = `mock.${quick ? "250k" : "1m"}lines`;
  const sim = createBatchSimulator({ queueDelayMs: 0, jobDurationMs: 1_000, failureRate: 0.01 });
  let content: Uint8Array | null = input(lines);
  const inputMb = content.length / MB;
  const before = memory();

  let started = performance.now();
  const file = sim.uploadFile({ filename: "big.jsonl", content, purpose: "batch" });
  const uploadMs = performance.now() - started;
  started = performance.now();
  const job = sim.createJob({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    input_files: [file.id],
  });
  const createMs = performance.now() - started;
  sim.clock.advance(1_000);
  const done = sim.getJob(job.id);
  if (done.status !== "SUCCESS" || !done.output_file) throw new Error(`the job ended ${done.status}`);
  content = null;
  // What the simulator keeps for the job, its input file included (this process dropped its own reference).
  const held = memory() - before + inputMb * MB;

  let base = memory();
  started = performance.now();
  const direct = await drain(sim.fileContent(done.output_file).stream as AsyncIterable<Uint8Array>, base);
  const directSeconds = (performance.now() - started) / 1000;

  const mock = await startMockServer({ port: 0, simulator: sim });
  try {
    base = memory();
    started = performance.now();
    const response = await fetch(`${mock.url}/v1/files/${done.output_file}/content`, {
      headers: { authorization: "Bearer b" },
    });
    const http = await drain(response.body as AsyncIterable<Uint8Array>, base);
    const httpSeconds = (performance.now() - started) / 1000;
    return [
      figure(`${prefix}.input.size`, inputMb, "MB"),
      figure(`${prefix}.upload.time`, uploadMs, "ms"),
      figure(`${prefix}.create.time`, createMs, "ms"),
      figure(`${prefix}.job.heldMemory`, held / MB, "MB"),
      figure(`${prefix}.output.size`, direct.bytes / MB, "MB"),
      figure(`${prefix}.simulator.stream.throughput`, direct.bytes / MB / directSeconds, "MB/s"),
      figure(`${prefix}.simulator.stream.peakMemory`, direct.peak / MB, "MB"),
      figure(`${prefix}.http.download.throughput`, http.bytes / MB / httpSeconds, "MB/s"),
      figure(`${prefix}.http.download.peakMemory`, http.peak / MB, "MB"),
    ];
  } finally {
    await mock.close();
  }
};
export default bench;
