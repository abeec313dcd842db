import { type IncomingMessage, request as nodeHttpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { TransportAnswer, UpstreamTransport } from "../../internal/upstream/transport.js";

/**
 * The upstream reached with node:http(s), on Node's keep-alive agents. Not global fetch: Node 20's undici keeps
 * every chunk of a streamed request body in memory until the request ends (nodejs/undici#4058), so a 512 MB
 * upload would cost 512 MB; and its web streams cost several times node:http's CPU per small request.
 * Redirects are not followed.
 */
export function createHttpTransport(serverUrl: string): UpstreamTransport {
  const url = new URL(serverUrl);
  const send = url.protocol === "https:" ? httpsRequest : nodeHttpRequest;
  const { protocol, port } = url;
  // An IPv6 literal comes bracketed in a URL, not in a request's options.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const pathPrefix = url.pathname.replace(/\/+$/, "");
  return {
    send(init) {
      let outgoing: ReturnType<typeof send> | undefined;
      const answer = new Promise<TransportAnswer>((resolve, reject) => {
        const headers =
          typeof init.body === "string"
            ? { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) }
            : init.headers;
        const path = pathPrefix + init.path;
        const sent = send({ protocol, hostname, port, path, method: init.method, headers }, (message) =>
          resolve(nodeAnswer(message)),
        );
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
    },
  };
}

function nodeAnswer(message: IncomingMessage): TransportAnswer {
  return {
    status: message.statusCode ?? 0,
    header(name) {
      const value = message.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    text: () => readText(message),
    body: () => message,
  };
}

/** Reads a whole answer as text; rejects if it ends early. Events rather than `for await`, which costs more per answer. */
function readText(answer: IncomingMessage): Promise<string> {
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
