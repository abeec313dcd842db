/**
 * Get-job throughput with autocannon (10 connections): straight to the mock server (`mistral-batch-mock`), through
 * `mistralBatchProxy`, through a bare `http-proxy-middleware` forwarder, and through the floor (a forwarder of a
 * dozen lines that checks nothing), each proxy in an Express 5 app of its own process, rounds interleaved over three
 * generations of proxy processes, medians of per-round ratios. Also each proxy process's CPU time per request.
 * Target: ours at least 0.85 of direct.
 *
 * On 2 cores the load generator, the proxy and the mock share the CPUs, so a proxy's throughput falls with its CPU
 * per request, and the floor shows what the Express hop alone leaves.
 */
import { createRequire } from "node:module";
import autocannon from "autocannon";
import type { Bench } from "../lib/BenchEntry.js";
import { type ServerProcess, scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, figure, median, paired } from "../lib/stats.js";
import type { ProxyKind, ProxyUsage } from "./proxyApp.js";

const KEY = "bench-key";
const PROXIES = ["ours", "fetch", "hpm", "floor"] as const satisfies readonly ProxyKind[];
const CONTENDERS = ["direct", ...PROXIES] as const;
type Contender = (typeof CONTENDERS)[number];
const LABELS: Record<Contender, string> = {
  direct: "direct",
  ours: "proxy",
  fetch: "fetchHandler",
  hpm: "httpProxyMiddleware",
  floor: "bareExpressForwarder",
};

/** Requests per second (average) and requests answered in one autocannon run; rejects on any non-2XX or error. */
async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({ url, headers, connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2XX answers, ${result.errors} errors`);
  }
  return { rate: result.requests.average, total: result.requests.total };
}

const bench: Bench = async ({ quick }) => {
  const generations = quick ? 1 : 3;
  const rounds = 2; // per generation
  const seconds = quick ? 2 : 5;
  const bin = createRequire(import.meta.url)
    .resolve("@mistral-batch/msw/package.json")
    .replace(/package\.json$/, "dist/node/bin.js");
  const mock = await startServerProcess(bin, ["--port", "0", "--host", "127.0.0.1"]);
  const proxies: Partial<Record<Contender, ServerProcess>> = {};
  const startProxies = async () => {
    for (const kind of PROXIES) {
      proxies[kind] = await startServerProcess(scriptPath(import.meta.url, "./proxyApp.js"), [kind, mock.url, KEY]);
    }
  };
  const closeProxies = async () => {
    for (const kind of PROXIES) await proxies[kind]?.close();
  };
  try {
    await startProxies();
    const created = await fetch(`${proxies.ours?.url}/v1/batch/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        endpoint: "/v1/moderations",
        model: "mistral-small-latest",
        requests: [{ body: { input: "x" } }],
      }),
    });
    const job = (await created.json()) as { id: string };
    if (created.status !== 200) throw new Error(`create through the proxy answered ${created.status}`);
    const url = (contender: Contender) => (contender === "direct" ? mock.url : (proxies[contender]?.url as string));
    // The mock answers a job to whoever holds the key it was created with: the proxies' key.
    const headers = (contender: Contender): Record<string, string> =>
      contender === "direct" ? { authorization: `Bearer ${KEY}` } : {};
    const run = (contender: Contender, duration: number) =>
      load(`${url(contender)}/v1/batch/jobs/${job.id}`, headers(contender), duration);

    const rates = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
    const cpu = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
    for (let generation = 0; generation < generations; generation++) {
      // Fresh proxy processes for each generation: one process can stay slower than the next for its whole life.
      if (generation > 0) await startProxies();
      // Warm-up of each, long enough for the JIT to settle (the proxy's CPU per request drops about 4 times).
      for (const contender of CONTENDERS) await run(contender, quick ? 4 : 8);
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < CONTENDERS.length; i++) {
          const contender = CONTENDERS[(round + i) % CONTENDERS.length] as Contender;
          const proxy = proxies[contender];
          const before = await proxy?.ask<ProxyUsage>("usage");
          const { rate, total } = await run(contender, seconds);
          const after = await proxy?.ask<ProxyUsage>("usage");
          rates.get(contender)?.push(rate);
          if (before && after) cpu.get(contender)?.push((after.cpuMicros - before.cpuMicros) / total);
        }
      }
      await closeProxies();
    }
    const ratesOf = (contender: Contender) => rates.get(contender) as number[];
    const cpuRounds = (contender: Contender) => cpu.get(contender) as number[];
    const cpuOf = (contender: Contender) => median(cpuRounds(contender));
    return [
      figure("express.getJob.direct.throughput", median(ratesOf("direct")), "req/s"),
      ...PROXIES.map((kind) =>
        paired(`express.getJob.${LABELS[kind]}.throughput`, ratesOf(kind), ratesOf("direct"), "req/s"),
      ),
      figure("express.getJob.bareExpressForwarder.cpu", cpuOf("floor"), "µs/req"),
      compared("express.getJob.httpProxyMiddleware.cpu", cpuOf("hpm"), "µs/req", cpuOf("floor")),
      compared("express.getJob.proxy.cpu", cpuOf("ours"), "µs/req", cpuOf("floor")),
      compared("express.getJob.fetchHandler.cpu", cpuOf("fetch"), "µs/req", cpuOf("floor")),
      // Per-round ratios to the forwarder measured in the same round: the issue-17 targets.
      paired("express.getJob.proxy.cpuVsForwarder", cpuRounds("ours"), cpuRounds("floor"), "µs/req"),
      paired("express.getJob.fetchHandler.cpuVsForwarder", cpuRounds("fetch"), cpuRounds("floor"), "µs/req"),
      paired("express.getJob.proxy.throughputVsForwarder", ratesOf("ours"), ratesOf("floor"), "req/s"),
      paired("express.getJob.fetchHandler.throughputVsForwarder", ratesOf("fetch"), ratesOf("floor"), "req/s"),
    ];
  } finally {
    await closeProxies();
    await mock.close();
  }
};
export default bench;
