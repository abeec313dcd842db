import { type ClientRequest, type IncomingMessage, request as nodeHttpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** Where requests go: a server URL read once, so no request parses it again. */
export interface HttpTarget {
  send: typeof nodeHttpRequest;
  protocol: string;
  hostname: string;
  port: string;
  /** The server URL's path, without a trailing slash: requests' paths are appended. */
  pathPrefix: string;
}

/** Reads a server URL (which may carry a path prefix) into an `HttpTarget`. */
export function httpTarget(serverUrl: string): HttpTarget {
  const url = new URL(serverUrl);
  return {
    send: url.protocol === "https:" ? httpsRequest : nodeHttpRequest,
    protocol: url.protocol,
    // An IPv6 literal comes bracketed in a URL, not in a request's options.
    hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port,
    pathPrefix: url.pathname.replace(/\/+$/, ""),
  };
}

/** What `httpRequest` sends: no body, a string, or a stream. */
export interface HttpRequestInit {
  method: string;
  /** The path and query string, after the target's prefix. */
  path: string;
  headers: Record<string, string>;
  body?: string | ReadableStream<Uint8Array> | undefined;
}

/** A request under way: its answer, with the body unread, and `abort`, which stops it even mid-answer. */
export interface HttpCall {
  answer: Promise<IncomingMessage>;
  abort: () => void;
}

/**
 * Sends a request with node:http(s), on Node's keep-alive agents, and resolves
 * with the answer, its body unread. Not global fetch: Node 20's undici keeps
 * every chunk of a streamed request body in memory until the request ends
 * (nodejs/undici#4058), so a 512 MB upload would cost 512 MB; and its web
 * streams cost several times node:http's CPU per small request. Redirects are
 * not followed.
 */
export function httpRequest(target: HttpTarget, init: HttpRequestInit): HttpCall {
  let outgoing: ClientRequest | undefined;
  const answer = new Promise<IncomingMessage>((resolve, reject) => {
    const headers =
      typeof init.body === "string"
        ? { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) }
        : init.headers;
    const path = target.pathPrefix + init.path;
    const { protocol, hostname, port } = target;
    const sent = target.send({ protocol, hostname, port, path, method: init.method, headers }, resolve);
    outgoing = sent;
    sent.on("error", reject);
    if (typeof init.body === "string" || init.body === undefined) {
      sent.end(init.body);
      return;
    }
    pipeline(Readable.fromWeb(init.body as NodeReadableStream<Uint8Array>), sent).catch((error: unknown) => {
      sent.destroy(error instanceof Error ? error : new Error(String(error)));
      reject(error);
    });
  });
  // Destroying the request closes its socket, which ends an answer being read with an error too.
  return { answer, abort: () => outgoing?.destroy(new Error("The call was aborted")) };
}

/** Reads a whole answer as text; rejects if it ends early. Events rather than `for await`, which costs more per answer. */
export function readText(answer: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    answer.on("data", (chunk: Buffer) => chunks.push(chunk));
    answer.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    answer.on("error", reject);
    answer.on("close", () => {
      if (!answer.complete) reject(new Error("The connection broke mid-answer"));
    });
  });
}
