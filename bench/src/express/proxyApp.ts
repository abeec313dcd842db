/**
 * Child process: an Express 5 app (with `express.json()` ahead, as a host app has) mounting, at /api/mistral, one of:
 * - "ours": `mistralBatchProxy`;
 * - "hpm": a bare `http-proxy-middleware` forwarder that sets the key (what a user would otherwise write, with no
 *   isolation or validation);
 * - "fetch": `createFetchHandler` (from `@mistral-batch/express/fetch`, calling the upstream with Node's fetch) behind
 *   the few lines any Node host of a fetch handler has (node request to web Request, web Response to node response),
 *   mounted in the same Express app, so that the three differ only in the proxy;
 * - "floor": a dozen lines of node:http that set the key and pipe the answer back, checking nothing: the least any
 *   proxy mounted in Express costs.
 * Prints `listening on URL` (the mount's URL) and answers each IPC message with `{ maxRssMb, rssMb, cpuMicros }`:
 * its peak RSS so far, its RSS, its CPU time.
 *
 * Usage: node proxyApp.js <ours|fetch|hpm|floor> <upstreamUrl> <apiKey> [eventsOptionsJson]
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { type EventStreamOptions, mistralBatchProxy } from "@mistral-batch/express";
import { createFetchHandler } from "@mistral-batch/express/fetch";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { createProxyMiddleware } from "http-proxy-middleware";

/** What the app answers to every IPC message. */
export interface ProxyUsage {
  maxRssMb: number;
  rssMb: number;
  cpuMicros: number;
}

/** Which proxy the app mounts. */
export type ProxyKind = "ours" | "fetch" | "hpm" | "floor";

const [kind, upstream, apiKey, eventsJson] = process.argv.slice(2) as [ProxyKind, string, string, string?];
/** Options of the live job events, as JSON in a fourth argument (the events bench sets them). */
const events = eventsJson ? (JSON.parse(eventsJson) as EventStreamOptions) : undefined;

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

/** A fetch handler served from Express: what a Node host of a web handler (Hono's node server, say) does per request. */
function fetchBridge(handle: (request: Request) => Promise<Response>): RequestHandler {
  return (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) headers.append(name, item);
    }
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream);
    const url = `http://${req.headers.host}${req.originalUrl}`;
    void handle(new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit)).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (!response.body) return void res.end();
        await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res).catch(() =>
          res.destroy(),
        );
      },
    );
  };
}

const proxies: Record<ProxyKind, () => RequestHandler | [RequestHandler, ErrorRequestHandler]> = {
  ours: () =>
    mistralBatchProxy({
      apiKey,
      serverURL: upstream,
      events,
      authorize: (req) => ({ userId: String(req.headers["x-user"] ?? "alice") }),
    }),
  fetch: () =>
    fetchBridge(
      createFetchHandler({
        apiKey,
        serverURL: upstream,
        basePath: "/api/mistral",
        events,
        authorize: (request) => ({ userId: request.headers.get("x-user") ?? "alice" }),
      }),
    ),
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
