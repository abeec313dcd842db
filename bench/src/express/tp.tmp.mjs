import autocannon from "autocannon";
import { startChild } from "./children.js";
const up = await startChild("fastUpstream.tmp.js");
const proxy = await startChild("proxyApp.js", [up.url, "k"]);
for (const [name, url] of [["direct", `${up.url}/v1/batch/jobs/0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b`], ["proxy", `${proxy.url}/v1/batch/jobs/0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b`]]) {
  const r = await autocannon({ url, connections: 10, duration: 5 });
  console.log(name, r.requests.average, r.non2xx, r.errors);
}
await proxy.stop(); await up.stop();
