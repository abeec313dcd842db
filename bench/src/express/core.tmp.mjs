import { startChild } from "./children.js";
import { createProxyHandler } from "@mistral-batch/express";
const up = await startChild("fastUpstream.tmp.js");
const handle = createProxyHandler({ apiKey: "k", serverURL: up.url, authorize: () => ({ userId: "alice" }) });
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  const r = await handle({ method: "GET", url: "/v1/batch/jobs/0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", headers: new Headers(), body: () => null, signal: new AbortController().signal }, {});
  const t1 = performance.now() - t;
  await r.text();
  const t2 = performance.now() - t;
  t = performance.now(); await (await fetch(`${up.url}/x`)).text();
  console.log(t1.toFixed(1), t2.toFixed(1), "fetch alone", (performance.now() - t).toFixed(1));
}
await up.stop();
