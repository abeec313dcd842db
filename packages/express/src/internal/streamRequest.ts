import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** What `streamRequest` sends. */
export interface StreamRequestInit {
  method: string;
  headers: Headers;
  body: ReadableStream<Uint8Array>;
  signal: AbortSignal;
}

/**
 * Sends a streamed request body with node:http(s) and resolves with the answer
 * as a web Response. Global fetch would do, but Node 20's undici keeps every
 * chunk of a streamed request body in memory until the request is done
 * (nodejs/undici#4058), so a 512 MB upload would cost 512 MB.
 */
export function streamRequest(url: string, init: StreamRequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
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
