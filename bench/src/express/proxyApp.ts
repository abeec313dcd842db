/**
 * Child process: an Express 5 app (with `express.json()` ahead, as a host app has) mounting, at /api/mistral,
 * either `mistralBatchProxy` ("ours") or a bare `http-proxy-middleware` forwarder that sets the key ("hpm": what a
 * user would otherwise write, with no isolation or validation). Prints `listening on URL` (the mount's URL) and
 * answers each IPC message with `{ maxRssMb, rssMb, cpuMicros }`: its peak RSS so far, its RSS, its CPU time.
 *
 * Usage: node proxyApp.js <ours|hpm> <upstreamUrl> <apiKey>
 */
import type { AddressInfo } from "node:net";
import { mistralBatchProxy } from "@mistral-batch/express";
import express, { type RequestHandler } from "express";
import { createProxyMiddleware } from "http-proxy-middleware";

/** What the app answers to every IPC message. */
export interface ProxyUsage {
  maxRssMb: number;
  rssMb: number;
  cpuMicros: number;
}

const [kind, upstream, apiKey] = process.argv.slice(2) as ["ours" | "hpm", string, string];

const app = express();
app.use(express.json());
if (kind === "ours") {
  app.use(
    "/api/mistral",
    mistralBatchProxy({
      apiKey,
      serverURL: upstream,
      authorize: (req) => ({ userId: String(req.headers["x-user"] ?? "alice") }),
    }),
  );
} else {
  const forwarder = createProxyMiddleware({
    target: upstream,
    changeOrigin: true,
    on: { proxyReq: (proxyReq) => proxyReq.setHeader("authorization", `Bearer ${apiKey}`) },
  });
  app.use("/api/mistral", forwarder as RequestHandler);
}
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}/api/mistral`);
});
process.on("message", () => {
  const { user, system } = process.cpuUsage();
  process.send?.({
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rssMb: process.memoryUsage().rss / 1e6,
    cpuMicros: user + system,
  } satisfies ProxyUsage);
});
