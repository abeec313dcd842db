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
 * with the answer as a web Response whose body streams. Not global fetch: Node
 * 20's undici keeps every chunk of a streamed request body in memory until the
 * request ends (nodejs/undici#4058), so a 512 MB upload would cost 512 MB, and
 * it costs several times node:http's CPU per small request. Redirects are not followed.
 */
export function httpRequest(url: string, init: HttpRequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : nodeHttpRequest;
    if (typeof init.body === "string") init.headers.set("content-length", String(Buffer.byteLength(init.body)));
    const outgoing = send(
      target,
      { method: init.method, headers: Object.fromEntries(init.headers), signal: init.signal },
      (answer) => {
        try {
          resolve(toResponse(answer));
        } catch (error) {
          answer.destroy();
          reject(error);
        }
      },
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

function toResponse(answer: IncomingMessage): Response {
  const headers = new Headers();
  for (let index = 0; index + 1 < answer.rawHeaders.length; index += 2) {
    headers.append(answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!);
  }
  const status = answer.statusCode ?? 502;
  const empty = status === 204 || status === 304;
  if (empty) answer.resume();
  const body = empty ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers });
}
