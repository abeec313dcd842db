// Get-job throughput with autocannon: straight to the mock server, then through the Express proxy, interleaved.
import { createRequire } from "node:module";
import autocannon from "autocannon";
import { startChild } from "./children.js";

const KEY = "bench-key";
const ROUNDS = 3;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function requestsPerSecond(url, headers, duration = DURATION_S) {
  const result = await autocannon({ url, headers, connections: 10, duration });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rate: result.requests.average, total: result.requests.total };
}

export default async function run(report) {
  const bin = createRequire(import.meta.url)
    .resolve("@mistral-batch/msw/package.json")
    .replace(/package\.json$/, "dist/node/bin.js");
  const mock = await startChild(bin, ["--port", "0", "--host", "127.0.0.1"]);
  const proxy = await startChild("proxyApp.js", [mock.url, KEY]);
  try {
    const created = await fetch(`${proxy.url}/v1/batch/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        endpoint: "/v1/moderations",
        model: "mistral-small-latest",
        requests: [{ body: { input: "x" } }],
      }),
    });
    const job = await created.json();
    const directUrl = `${mock.url}/v1/batch/jobs/${job.id}`;
    const proxiedUrl = `${proxy.url}/v1/batch/jobs/${job.id}`;
    // A warm-up round of each, so both are measured after JIT compilation.
    await requestsPerSecond(directUrl, { authorization: `Bearer ${KEY}` }, 2);
    await requestsPerSecond(proxiedUrl, {}, 2);
    const direct = [];
    const proxied = [];
    const cpuPerRequest = [];
    for (let round = 0; round < ROUNDS; round++) {
      direct.push((await requestsPerSecond(directUrl, { authorization: `Bearer ${KEY}` })).rate);
      const before = await proxy.ask("memory");
      const run = await requestsPerSecond(proxiedUrl, {});
      const after = await proxy.ask("memory");
      proxied.push(run.rate);
      cpuPerRequest.push((after.cpuMicros - before.cpuMicros) / run.total);
    }
    const [d, p] = [median(direct), median(proxied)];
    report("get job: mock server directly", `${Math.round(d)} req/s (median of ${ROUNDS} × ${DURATION_S} s)`);
    report("get job: through mistralBatchProxy", `${Math.round(p)} req/s`);
    report("get job: proxy / direct", `${(p / d).toFixed(2)} (target ≥ 0.85)`);
    report("get job: proxy process CPU per request", `${Math.round(median(cpuPerRequest))} µs`);
  } finally {
    await proxy.stop();
    await mock.stop();
  }
}
