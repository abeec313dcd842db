// A 1,000,000-request input file: upload, validation, and the output streamed while memory is sampled.
import { createBatchSimulator } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";

const LINES = 1_000_000;
const MB = 1024 * 1024;

function input() {
  const parts = [];
  for (let i = 0; i < LINES; i++) {
    parts.push(`{"custom_id":"${i}","body":{"max_tokens":16,"messages":[{"role":"user","content":"Question ${i}"}]}}`);
  }
  return new TextEncoder().encode(parts.join("\n"));
}

/** Reads a stream to its end, sampling memory, and returns bytes, lines and the peak of memory above `base`. */
async function drain(stream, base) {
  let bytes = 0;
  let lines = 0;
  let peak = 0;
  let chunks = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    if (++chunks % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  }
  return { bytes, lines, peak };
}

function heap() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export default async function run(report) {
  const sim = createBatchSimulator({ queueDelayMs: 0, jobDurationMs: 1_000, failureRate: 0.01 });
  const content = input();
  report("input file", `${(content.length / MB).toFixed(1)} MiB, ${LINES.toLocaleString("en-US")} lines`);

  let started = performance.now();
  const file = sim.uploadFile({ filename: "big.jsonl", content, purpose: "batch" });
  report("upload (count lines)", `${(performance.now() - started).toFixed(0)} ms`);
  started = performance.now();
  const job = sim.createJob({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    input_files: [file.id],
  });
  report("create (validate every line)", `${(performance.now() - started).toFixed(0)} ms`);
  sim.clock.advance(1_000);
  const done = sim.getJob(job.id);
  report("job", `${done.status}, ${done.succeeded_requests} succeeded, ${done.failed_requests} failed`);

  let base = heap();
  started = performance.now();
  const direct = await drain(sim.fileContent(done.output_file).stream, base);
  const ms = performance.now() - started;
  report(
    "simulator: stream output",
    `${(direct.bytes / MB).toFixed(1)} MiB, ${direct.lines} lines in ${ms.toFixed(0)} ms`,
  );
  report("simulator: peak heap above baseline while streaming", `${(direct.peak / MB).toFixed(1)} MiB`);

  const mock = await startMockServer({ port: 0, simulator: sim });
  try {
    base = heap();
    started = performance.now();
    const response = await fetch(`${mock.url}/v1/files/${done.output_file}/content`, {
      headers: { authorization: "Bearer b" },
    });
    const http = await drain(response.body, base);
    const httpMs = performance.now() - started;
    report(
      "HTTP server: download output",
      `${(http.bytes / MB).toFixed(1)} MiB in ${httpMs.toFixed(0)} ms (${((http.bytes / MB / httpMs) * 1000).toFixed(0)} MiB/s)`,
    );
    report("HTTP server: peak heap above baseline (server + client)", `${(http.peak / MB).toFixed(1)} MiB`);
  } finally {
    await mock.close();
  }
  started = performance.now();
  const described = sim.getFile(done.output_file);
  report(
    "output file size (computed once, lazily)",
    `${described.bytes} bytes in ${(performance.now() - started).toFixed(0)} ms`,
  );
  report("process RSS at the end", `${(process.memoryUsage().rss / MB).toFixed(0)} MiB`);
}
