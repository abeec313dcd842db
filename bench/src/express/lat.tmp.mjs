import { startChild } from "./children.js";
const up = await startChild("fastUpstream.tmp.js");
const proxy = await startChild("proxyApp.js", [up.url, "k"]);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = await fetch(`${proxy.url}/v1/batch/jobs/0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b`);
  await r.text();
  console.log((performance.now() - t).toFixed(1), "ms", r.headers.get("connection"));
}
await proxy.stop(); await up.stop();
