/**
 * Child process: one `mistral.batch.run()` of N requests against the mock at `serverURL`, the requests made one at
 * a time by an async generator (the input is never held whole), every result read and counted. Prints what it
 * measured as JSON (`RunMeasure`). Run alone in its process, so that its peak RSS and its CPU belong to the runner.
 *
 * Usage: node driveLargeRun.js <serverURL> <requests> [options as JSON, merged into batch.run's]
 */
import { MistralBatch } from "@mistral-batch/client";

/** What one run measured. */
export interface RunMeasure {
  requests: number;
  /** From `batch.run()` to the summary, ms (epoch ms at both ends, to compare with the mock's job times). */
  startedAt: number;
  endedAt: number;
  /** CPU (user + system) of this process over the same span, ms. */
  cpuMs: number;
  /** `process.resourceUsage().maxRSS`: the process's peak RSS over its whole life, MB. */
  peakRssMb: number;
  /** RSS and heap in use sampled every 50 ms: the highest seen within each tenth of the results read, MB. */
  rssByTenth: number[];
  heapByTenth: number[];
  /** Array buffers (Buffers, Uint8Arrays) in use, sampled the same way, MB. */
  buffersByTenth: number[];
  /**
   * Run with --expose-gc: the heap in use right after a full collection as each tenth of the results is read, MB:
   * what the run really holds, whatever the collector lets accumulate. Empty without the flag.
   */
  liveHeapByTenth: number[];
  /** RSS before the run began (Node, the client, nothing else), MB. */
  idleRssMb: number;
}

const MB = 1024 * 1024;
const [serverURL, countArg, optionsArg] = process.argv.slice(2);
const count = Number(countArg);
if (!serverURL || !Number.isInteger(count) || count < 1) throw new Error("usage: driveLargeRun.js <serverURL> <N>");

async function* requests() {
  for (let i = 0; i < count; i++) {
    yield {
      custom_id: `req-${i}`,
      body: { max_tokens: 16, messages: [{ role: "user", content: `Question number ${i}: what is ${i} + 1?` }] },
    };
  }
}

const mistral = new MistralBatch({ apiKey: "bench", serverURL });
let read = 0;
const rssByTenth = Array.from({ length: 10 }, () => 0);
const heapByTenth = Array.from({ length: 10 }, () => 0);
const buffersByTenth = Array.from({ length: 10 }, () => 0);
const liveHeapByTenth: number[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
/** With --expose-gc: the heap after a full collection, once per tenth of the results. */
const collect = () => {
  if (!gc || read < ((liveHeapByTenth.length + 1) * count) / 10) return;
  gc();
  liveHeapByTenth.push(process.memoryUsage().heapUsed / MB);
};
const sample = () => {
  const tenth = Math.min(9, Math.floor((read * 10) / count));
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  buffersByTenth[tenth] = Math.max(buffersByTenth[tenth] as number, arrayBuffers / MB);
  rssByTenth[tenth] = Math.max(rssByTenth[tenth] as number, rss / MB);
  heapByTenth[tenth] = Math.max(heapByTenth[tenth] as number, heapUsed / MB);
};
const idleRssMb = process.memoryUsage.rss() / MB;
const sampler = setInterval(sample, 50);

const startedAt = Date.now();
const cpuStart = process.cpuUsage();
const run = await mistral.batch.run(
  { endpoint: "/v1/chat/completions", model: "mistral-small-latest", requests: requests() },
  // Polls often: the mock's jobs end in well under a second, and the default backoff (1 s growing to 10 s) would
  // measure the poll schedule, not the runner.
  { pollIntervalMs: 50, maxPollIntervalMs: 200, ...(optionsArg ? JSON.parse(optionsArg) : {}) },
);
let succeeded = 0;
for await (const result of run.results) {
  read++;
  collect();
  if (result.response?.status_code === 200) succeeded++;
}
const summary = await run.summary();
const cpu = process.cpuUsage(cpuStart);
const endedAt = Date.now();
clearInterval(sampler);
sample();
if (read !== count || summary.total !== count || succeeded !== count) {
  throw new Error(`read ${read}, ${succeeded} succeeded, summary ${JSON.stringify(summary)}; expected ${count}`);
}
const measure: RunMeasure = {
  requests: count,
  startedAt,
  endedAt,
  cpuMs: (cpu.user + cpu.system) / 1000,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  rssByTenth,
  heapByTenth,
  buffersByTenth,
  liveHeapByTenth,
  idleRssMb,
};
console.log(JSON.stringify(measure));
