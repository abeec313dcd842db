import type { IncomingMessage } from "node:http";

const HIGH_WATER_MARK = 1024 * 1024;

/**
 * The request body as a web stream, with backpressure. Unlike `Readable.toWeb`,
 * cancelling only stops reading: it must not destroy the socket, which still
 * has to carry the answer (a 413 while the upload goes on, say).
 */
export function nodeBodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let detach = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = () => {
          detach();
          controller.close();
        };
        const onClose = () => {
          detach();
          controller.error(new Error("The client closed the request before its end"));
        };
        const onError = (error: Error) => {
          detach();
          controller.error(error);
        };
        detach = () => {
          req.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onError);
          req.pause();
        };
        req.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onError);
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        detach();
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
}
