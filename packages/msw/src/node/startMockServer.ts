import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getResponse, type HttpHandler } from "msw";
import { batchHandlers } from "../batchHandlers.js";
import { createBatchSimulator } from "../createBatchSimulator.js";
import type { BatchSimulator, BatchSimulatorOptions } from "../types.js";

/** Options of `startMockServer`: where to listen, and either a simulator or the options to create one. */
export interface MockServerOptions extends BatchSimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number | undefined;
  /** Interface to listen on. Default "127.0.0.1". */
  host?: string | undefined;
  /** The simulator to serve; by default a new one on real time ("real" clock) with the other options. */
  simulator?: BatchSimulator | undefined;
}

/** A running mock server. */
export interface MockServer {
  /** Its root URL, e.g. `http://127.0.0.1:4010`: the `serverURL` to give a client. */
  url: string;
  simulator: BatchSimulator;
  server: Server;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) headers.append(name, item);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  return new Request(new URL(req.url ?? "/", base), { method, headers, body, duplex: "half" } as RequestInit);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  // Streams the body with backpressure: a generated 1,000,000-line output is never held whole.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}

async function handle(handlers: HttpHandler[], base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await getResponse(handlers, toRequest(req, base));
  if (!response) {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Not Found" }));
    return;
  }
  if (response.type === "error") {
    // An injected "reset": drop the connection without an answer.
    req.socket.destroy();
    return;
  }
  await send(response, res);
}

/**
 * Serves a simulator over HTTP with the very handlers `batchHandlers` gives msw: each request becomes a fetch
 * `Request`, msw resolves it, and the `Response` is streamed back.
 *
 * @example
 * const mock = await startMockServer({ port: 0, jobDurationMs: 2_000 });
 * const client = new MistralBatch({ apiKey: "test", serverURL: mock.url });
 * await mock.close();
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = "127.0.0.1", simulator: given, ...simulatorOptions } = options;
  const simulator = given ?? createBatchSimulator({ ...simulatorOptions, clock: simulatorOptions.clock ?? "real" });
  let handlers: HttpHandler[] = [];
  let base = "";
  const server = createServer((req, res) => {
    handle(handlers, base, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else
        res.writeHead(500, { "content-type": "application/json" }).end(
          JSON.stringify({
            object: "error",
            message: String(error),
            type: "api_error",
            param: null,
            code: "internal_error",
          }),
        );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === "IPv6" ? `[${address.address}]` : address.address;
  base = `http://${hostname}:${address.port}`;
  handlers = batchHandlers(simulator, { baseUrl: base });
  return {
    url: base,
    simulator,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
