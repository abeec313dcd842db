/**
 * Get-job throughput with autocannon (10 connections): straight to the mock server (`mistral-batch-mock`), through
 * `mistralBatchProxy`, and through a bare `http-proxy-middleware` forwarder, each proxy in an Express 5 app of its
 * own process, rounds interleaved, medians. Also the proxy process's CPU time per request. Target: ours at least
 * 0.85 of direct.
 */
import { createRequire } from "node:module";
import autocannon from "autocannon";
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { type ServerProcess, scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, figure, median } from "../lib/stats.js";
import type { ProxyUsage } from "./proxyApp.js";

const KEY = "bench-key";
const CONTENDERS = ["direct", "ours", "hpm"] as const;
type Contender = (typeof CONTENDERS)[number];
const LABELS: Record<Contender, string> = { direct: "direct", ours: "proxy", hpm: "httpProxyMiddleware" };

/** Requests per second (average) and requests answered in one autocannon run; rejects on any non-2XX or error. */
async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({ url, headers, connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2XX answers, ${result.errors} errors`);
  }
  return { rate: result.requests.average, total: result.requests.total };
}

const bench: Bench = async ({ quick }) => {
  const rounds = quick ? 2 : 3;
  const seconds = quick ? 2 : 5;
  const bin = createRequire(import.meta.url)
    .resolve("@mistral-batch/msw/package.json")
    .replace(/package\.json$/, "dist/node/bin.js");
  const mock = await startServerProcess(bin, ["--port", "0", "--host", "127.0.0.1"]);
  const proxies: Partial<Record<Contender, ServerProcess>> = {};
  try {
    for (const kind of ["ours", "hpm"] as const) {
      proxies[kind] = await startServerProcess(scriptPath(import.meta.url, "./proxyApp.js"), [kind, mock.url, KEY]);
    }
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
    const urls: Record<Contender, string> = {
      direct: mock.url,
      ours: proxies.ours?.url as string,
      hpm: proxies.hpm?.url as string,
    };
    // The mock answers a job to whoever holds the key it was created with: the proxy's key.
    const headers: Record<Contender, Record<string, string>> = {
      direct: { authorization: `Bearer ${KEY}` },
      ours: {},
      hpm: {},
    };
    const run = (contender: Contender, duration: number) =>
      load(`${urls[contender]}/v1/batch/jobs/${job.id}`, headers[contender], duration);

    // Warm-up of each, long enough for the JIT to settle (the proxy's CPU per request drops about 4 times).
    for (const contender of CONTENDERS) await run(contender, quick ? 4 : 10);
    const rates = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
    const cpu = new Map<Contender, number[]>(CONTENDERS.map((c) => [c, []]));
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
    const rate = (contender: Contender) => median(rates.get(contender) as number[]);
    const entries: BenchEntry[] = [figure("express.getJob.direct.throughput", rate("direct"), "req/s")];
    for (const contender of ["ours", "hpm"] as const) {
      entries.push(
        compared(`express.getJob.${LABELS[contender]}.throughput`, rate(contender), "req/s", rate("direct")),
      );
    }
    const cpuOf = (contender: Contender) => median(cpu.get(contender) as number[]);
    entries.push(figure("express.getJob.httpProxyMiddleware.cpu", cpuOf("hpm"), "µs/req"));
    entries.push(compared("express.getJob.proxy.cpu", cpuOf("ours"), "µs/req", cpuOf("hpm")));
    return entries;
  } finally {
    for (const proxy of Object.values(proxies)) await proxy?.close();
    await mock.close();
  }
};
export default bench;
