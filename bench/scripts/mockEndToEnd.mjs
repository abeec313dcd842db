// One large job end to end through the standalone mock server, over HTTP, as a run engine would drive it: upload
// (multipart), create, poll until it ends, download the output and error files. Prints one line per phase with its
// time and the process's heap + array buffers above the start (sampled every 50 chunks while downloading).
// Usage (after `pnpm build`): node --expose-gc bench/scripts/mockEndToEnd.mjs [lines, default 250000]
import { MistralBatch } from "@mistral-batch/client";
import { startMockServer } from "@mistral-batch/msw/node";

const lines = Number(process.argv[2] ?? 250_000);
const MB = 1e6;
const inUse = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const settle = () => {
  globalThis.gc?.();
  return inUse();
};

const mock = await startMockServer({
  port: 0,
  queueDelayMs: 0,
  jobDurationMs: 2_000,
  failures: { retryable: 0.05, permanent: 0.01 },
});
const mistral = new MistralBatch({ apiKey: "bench", serverURL: mock.url });
const report = (phase, ms, extra = "") =>
  console.log(`${phase.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(7)} s ${extra}`);

try {
  let parts = [];
  for (let i = 0; i < lines; i++) {
    parts.push(`{"custom_id":"${i}","body":{"max_tokens":16,"messages":[{"role":"user","content":"Question ${i}"}]}}`);
  }
  let content = new TextEncoder().encode(parts.join("\n"));
  parts = null;
  const base = settle();
  console.log(`${lines} lines, input ${(content.length / MB).toFixed(1)} MB`);
  const total = performance.now();

  let started = performance.now();
  const file = await mistral.files.upload({
    file: new File([content], "big.jsonl"),
    purpose: "batch",
  });
  report("upload (multipart)", performance.now() - started);
  content = null;

  started = performance.now();
  const job = await mistral.batch.jobs.create({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    input_files: [file.id],
  });
  report("create (validation)", performance.now() - started);

  started = performance.now();
  let done = job;
  while (!["SUCCESS", "FAILED", "TIMEOUT_EXCEEDED", "CANCELLED"].includes(done.status)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    done = await mistral.batch.jobs.get({ job_id: job.id });
  }
  report(
    "run (poll until done)",
    performance.now() - started,
    `${done.status} ${done.succeeded_requests} ok ${done.failed_requests} failed`,
  );

  let peak = 0;
  for (const [name, id] of [
    ["output", done.output_file],
    ["error", done.error_file],
  ]) {
    started = performance.now();
    const response = await fetch(`${mock.url}/v1/files/${id}/content`, { headers: { authorization: "Bearer bench" } });
    let bytes = 0;
    let count = 0;
    let chunks = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) count++;
      if (++chunks % 50 === 0) peak = Math.max(peak, inUse() - base);
    }
    const ms = performance.now() - started;
    report(
      `download ${name}`,
      ms,
      `${count} lines, ${(bytes / MB).toFixed(1)} MB, ${(bytes / MB / (ms / 1000)).toFixed(1)} MB/s`,
    );
  }
  report("total", performance.now() - total, `peak memory above start while downloading: ${(peak / MB).toFixed(1)} MB`);
} finally {
  await mock.close();
}
