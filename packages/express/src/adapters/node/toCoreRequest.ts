import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import { bodyConsumedByHost, jsonTooDeep } from "../../internal/core/errors.js";
import type { CoreRequest, HeaderReader, OnCallerGone } from "../../internal/core/ProxyContext.js";
import { nodeBodyStream } from "./nodeBodyStream.js";

/** A Node request as Express hands it over: `url` is relative to the mount; `body` may hold a host parser's result. */
export type NodeRequest = IncomingMessage & { body?: unknown; _body?: boolean };

/** Adapts a Node request, and its response for telling when the caller goes away, to the core's request. */
export function toCoreRequest(req: NodeRequest, res: ServerResponse): CoreRequest {
  return {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers: headerReader(req),
    body: () => (bodyWasRead(req) ? parsedBodyStream(req) : nodeBodyStream(req)),
    onGone: onResponseGone(res),
  };
}

/**
 * The caller is gone when the response closes before it was sent in full.
 * Watched from now, so that an upstream call starting after the caller left stops at once.
 */
function onResponseGone(res: ServerResponse): OnCallerGone {
  let gone = false;
  const listeners = new Set<() => void>();
  res.once("close", () => {
    if (res.writableFinished) return;
    gone = true;
    for (const listener of listeners) listener();
  });
  return (listener) => {
    if (gone) {
      listener();
      return () => {};
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

/** Reads Node's parsed headers in place: copying them into a `Headers` cost more than the few the core reads. */
function headerReader(req: IncomingMessage): HeaderReader {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
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
  else if (body !== undefined && !isMultipart(req)) bytes = new TextEncoder().encode(reserialize(body));
  else throw bodyConsumedByHost();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * The host parser's value as JSON text again. A parser's value can only fail to
 * serialize by nesting past the stack (RangeError), which is far past the depth
 * the proxy reads anyway.
 */
function reserialize(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch {
    throw jsonTooDeep(MAX_JSON_DEPTH);
  }
}

function isMultipart(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
}
