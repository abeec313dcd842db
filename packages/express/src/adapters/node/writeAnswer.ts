import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { ProxyAnswer } from "../../internal/core/ProxyAnswer.js";
import { discardBody } from "./discardBody.js";

/**
 * Writes an answer to a Node response: JSON text with its length, which Node
 * sends with the head in one write, and downloads streamed with backpressure.
 * When the request body was not read to its end (an early 401 or 413 during
 * an upload), the answer is sent at once, and the connection closed only once
 * the rest of the body is read and dropped (up to a bound), so that the caller
 * gets the answer rather than a reset; it is not kept for another request.
 */
export async function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: ProxyAnswer): Promise<void> {
  const early = !req.complete;
  const headers = early ? { ...answer.headers, connection: "close" } : answer.headers;
  if (typeof answer.body === "string") {
    res.writeHead(answer.status, { ...headers, "content-length": String(Buffer.byteLength(answer.body)) });
    if (!early) {
      res.end(answer.body);
      return;
    }
    // Ending the response would close the connection: the answer goes out now, the close after the body.
    res.write(answer.body);
    await discardBody(req);
    res.end();
    return;
  }
  res.writeHead(answer.status, headers);
  // An event stream has no end of its own: its heartbeats and events go out as they come, flushed at once.
  res.flushHeaders();
  try {
    await pipeline(answer.body, res);
  } catch {
    // The caller went away or the upstream broke mid-stream: the status is sent, so only closing is left.
    res.destroy();
  }
}
