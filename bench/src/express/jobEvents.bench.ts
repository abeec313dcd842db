/**
 * Live job events at scale: 1,000 event streams on 100 jobs (10 streams per job, each job its own user's) through
 * `mistralBatchProxy` in a process of its own, over the mock served from this process, where every upstream read
 * of a job is counted. Over a window with the jobs unchanged and the poll interval fixed (no backoff), the upstream
 * should see the polling of 100 jobs, not of 1,000 streams; also the proxy process's RSS with the streams open,
 * against its RSS before.
 */
import { createBatchSimulator } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";
import type { Bench } from "../lib/BenchEntry.js";
import { scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, figure } from "../lib/stats.js";
import type { ProxyUsage } from "./proxyApp.js";

const KEY = "bench-key";
const JOBS = 100;
const STREAMS_PER_JOB = 10;
const POLL_MS = 1_000;

/** Opens one event stream and resolves once its first `event: job` arrived; the stream is drained until aborted. */
async function openStream(url: string, user: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { headers: { "x-user": user, accept: "text/event-stream" }, signal });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!seen.includes("event: job")) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`${url}: the stream ended before its first event`);
    seen += value;
  }
  void (async () => {
    for (;;) if ((await reader.read().catch(() => ({ done: true }))).done) return;
  })();
}

const bench: Bench = async ({ quick }) => {
  const windowMs = quick ? 4_000 : 10_000;
  const simulator = createBatchSimulator({ clock: "manual", apiKey: KEY });
  const mock = await startMockServer({ simulator });
  let reads = 0;
  mock.server.on("request", (req: { method?: string; url?: string }) => {
    if (req.method === "GET" && /^\/v1\/batch\/jobs\/[^/?]+$/.test(req.url ?? "")) reads++;
  });
  const events = { pollIntervalMs: POLL_MS, maxPollIntervalMs: POLL_MS, maxStreams: JOBS * STREAMS_PER_JOB };
  const proxy = await startServerProcess(scriptPath(import.meta.url, "./proxyApp.js"), [
    "ours",
    mock.url,
    KEY,
    JSON.stringify(events),
  ]);
  const aborter = new AbortController();
  try {
    const jobs = Array.from({ length: JOBS }, (_, index) => {
      const owner = `user-${index}`;
      const job = simulator.createJob({
        endpoint: "/v1/moderations",
        model: "m",
        requests: [{ body: {} }],
        metadata: { owner },
      });
      return { id: job.id, owner };
    });
    const before = await proxy.ask<ProxyUsage>("usage");
    const opened = performance.now();
    await Promise.all(
      jobs.flatMap(({ id, owner }) =>
        Array.from({ length: STREAMS_PER_JOB }, () =>
          openStream(`${proxy.url}/events/batch/jobs/${id}`, owner, aborter.signal),
        ),
      ),
    );
    const openMs = performance.now() - opened;
    reads = 0;
    const cpuBefore = await proxy.ask<ProxyUsage>("usage");
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const elapsed = performance.now() - started;
    const counted = reads;
    const after = await proxy.ask<ProxyUsage>("usage");
    const streams = JOBS * STREAMS_PER_JOB;
    // One read per job per interval is the floor; each stream polling on its own would be 10 times that.
    const perJob = Math.floor(elapsed / POLL_MS) * JOBS;
    return [
      compared("express.events.1000streams100jobs.upstreamReads", counted, "reads", perJob),
      figure("express.events.1000streams100jobs.readsIfEachStreamPolled", perJob * STREAMS_PER_JOB, "reads"),
      figure("express.events.1000streams100jobs.openAll", openMs, "ms"),
      figure("express.events.1000streams100jobs.proxyRss", after.rssMb, "MB"),
      figure("express.events.1000streams100jobs.proxyRssAdded", after.rssMb - before.rssMb, "MB"),
      figure(
        "express.events.1000streams100jobs.proxyCpuPerSecond",
        (after.cpuMicros - cpuBefore.cpuMicros) / elapsed,
        "ms/s",
      ),
      figure("express.events.perStreamRss", ((after.rssMb - before.rssMb) * 1000) / streams, "kB"),
    ];
  } finally {
    aborter.abort();
    await proxy.close();
    await mock.close();
  }
};
export default bench;
