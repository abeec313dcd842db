import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { ProxyAnswer } from "../ProxyAnswer.js";

/**
 * Writes an answer to a Node response: JSON text with its length, which Node
 * sends with the head in one write, and downloads streamed with backpressure.
 * When the request body was not read to its end (an early 401 or 413 during
 * an upload), the connection is closed after the answer rather than kept for
 * a request whose bytes are still arriving.
 */
export async function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: ProxyAnswer): Promise<void> {
  const headers = req.complete ? answer.headers : { ...answer.headers, connection: "close" };
  if (typeof answer.body === "string") {
    res.writeHead(answer.status, { ...headers, "content-length": String(Buffer.byteLength(answer.body)) });
    res.end(answer.body);
    return;
  }
  res.writeHead(answer.status, headers);
  try {
    await pipeline(answer.body, res);
  } catch {
    // The caller went away or the upstream broke mid-stream: the status is sent, so only closing is left.
    res.destroy();
  }
}
