import { type IncomingMessage, request as nodeHttpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** What `httpRequest` sends: no body, a string, or a stream. */
export interface HttpRequestInit {
  method: string;
  headers: Headers;
  body?: string | ReadableStream<Uint8Array> | undefined;
  signal: AbortSignal;
}

/**
 * Sends a request with node:http(s), on Node's keep-alive agents, and resolves
 * with the answer, its body unread. Not global fetch: Node 20's undici keeps
 * every chunk of a streamed request body in memory until the request ends
 * (nodejs/undici#4058), so a 512 MB upload would cost 512 MB; and its web
 * streams cost several times node:http's CPU per small request. Redirects are
 * not followed.
 */
export function httpRequest(url: string, init: HttpRequestInit): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : nodeHttpRequest;
    if (typeof init.body === "string") init.headers.set("content-length", String(Buffer.byteLength(init.body)));
    const outgoing = send(
      target,
      { method: init.method, headers: Object.fromEntries(init.headers), signal: init.signal },
      resolve,
    );
    outgoing.on("error", reject);
    if (typeof init.body === "string" || init.body === undefined) {
      outgoing.end(init.body);
      return;
    }
    pipeline(Readable.fromWeb(init.body as NodeReadableStream<Uint8Array>), outgoing).catch((error: unknown) => {
      outgoing.destroy(error instanceof Error ? error : new Error(String(error)));
      reject(error);
    });
  });
}

/** Reads a whole answer as text. */
export async function readText(answer: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of answer) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
