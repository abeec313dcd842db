/**
 * Child process: an Express 5 app (with `express.json()` ahead, as a host app has) mounting, at /api/mistral, one of:
 * - "ours": `mistralBatchProxy`;
 * - "hpm": a bare `http-proxy-middleware` forwarder that sets the key (what a user would otherwise write, with no
 *   isolation or validation);
 * - "floor": a dozen lines of node:http that set the key and pipe the answer back, checking nothing: the least any
 *   proxy mounted in Express costs.
 * Prints `listening on URL` (the mount's URL) and answers each IPC message with `{ maxRssMb, rssMb, cpuMicros }`:
 * its peak RSS so far, its RSS, its CPU time.
 *
 * Usage: node proxyApp.js <ours|hpm|floor> <upstreamUrl> <apiKey>
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { mistralBatchProxy } from "@mistral-batch/express";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { createProxyMiddleware } from "http-proxy-middleware";

/** What the app answers to every IPC message. */
export interface ProxyUsage {
  maxRssMb: number;
  rssMb: number;
  cpuMicros: number;
}

/** Which proxy the app mounts. */
export type ProxyKind = "ours" | "hpm" | "floor";

const [kind, upstream, apiKey] = process.argv.slice(2) as [ProxyKind, string, string];

/** Forwards a request without a body (all the get-job bench sends) with the key, and pipes the answer back. */
function bareForwarder(): RequestHandler {
  const { hostname, port } = new URL(upstream);
  return (req, res) => {
    const headers = { authorization: `Bearer ${apiKey}`, accept: "application/json" };
    const outgoing = request({ hostname, port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    outgoing.on("error", () => res.destroy());
    outgoing.end();
  };
}

const proxies: Record<ProxyKind, () => RequestHandler | [RequestHandler, ErrorRequestHandler]> = {
  ours: () =>
    mistralBatchProxy({
      apiKey,
      serverURL: upstream,
      authorize: (req) => ({ userId: String(req.headers["x-user"] ?? "alice") }),
    }),
  hpm: () =>
    createProxyMiddleware({
      target: upstream,
      changeOrigin: true,
      on: { proxyReq: (proxyReq) => proxyReq.setHeader("authorization", `Bearer ${apiKey}`) },
    }) as RequestHandler,
  floor: bareForwarder,
};

const app = express();
app.use(express.json());
app.use("/api/mistral", proxies[kind]());
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
