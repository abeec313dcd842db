import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Writes a web Response to a Node response: JSON in one write, other bodies
 * (downloads) streamed with backpressure. When the request body was not read to its end (an early 401
 * or 413 during an upload), the connection is closed after the answer rather
 * than kept for a request whose bytes are still arriving.
 */
export async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (!req.complete) res.setHeader("connection", "close");
  if (!response.body) {
    res.end();
    return;
  }
  if (response.headers.get("content-type")?.startsWith("application/json")) {
    // The proxy's JSON answers are already in memory: one write with a length
    // sends them in one segment instead of chunks that wait on delayed ACKs.
    const bytes = Buffer.from(await response.arrayBuffer());
    res.setHeader("content-length", bytes.length);
    res.end(bytes);
    return;
  }
  try {
    await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res);
  } catch {
    // The caller went away or the upstream broke mid-stream: the status is sent, so only closing is left.
    res.destroy();
  }
}
