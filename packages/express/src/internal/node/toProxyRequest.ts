import type { IncomingMessage } from "node:http";
import type { ProxyRequest } from "../../types.js";
import { errorBody, ProxyError } from "../ProxyError.js";
import { nodeBodyStream } from "./nodeBodyStream.js";

/** A Node request as Express hands it over: `url` is relative to the mount; `body` may hold a host parser's result. */
export type NodeRequest = IncomingMessage & { body?: unknown; _body?: boolean };

/** Adapts a Node request to the core's `ProxyRequest`; `signal` aborts when the caller goes away. */
export function toProxyRequest(req: NodeRequest, signal: AbortSignal): ProxyRequest {
  return {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers: toHeaders(req),
    body: () => (bodyWasRead(req) ? parsedBodyStream(req) : nodeBodyStream(req)),
    signal,
  };
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // Node already rejected invalid headers; anything Headers still refuses is simply left out.
    }
  }
  return headers;
}

// A body parser mounted before the proxy (express.json(), express.raw(), ...) has read the stream.
function bodyWasRead(req: NodeRequest): boolean {
  return req._body === true || req.readableDidRead || req.readableEnded;
}

/** Rebuilds the body a host parser left in `req.body`; a multipart body taken by a host parser cannot be. */
function parsedBodyStream(req: NodeRequest): ReadableStream<Uint8Array> | null {
  const body = req.body;
  let bytes: Uint8Array;
  if (body instanceof Uint8Array) bytes = body;
  else if (typeof body === "string") bytes = new TextEncoder().encode(body);
  else if (body !== undefined && !isMultipart(req)) bytes = new TextEncoder().encode(JSON.stringify(body));
  else {
    throw new ProxyError(
      500,
      errorBody(
        "A body parser mounted before the proxy consumed this request's body; mount the proxy first",
        "internal_error",
      ),
    );
  }
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function isMultipart(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
}
