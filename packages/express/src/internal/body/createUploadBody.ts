import { invalidMultipart, type ProxyError, payloadTooLarge } from "../core/errors.js";
import { MultipartError, type MultipartRewriteOptions, MultipartRewriter } from "./MultipartRewriter.js";

/** An upload on its way upstream: the rewritten stream, when it was all sent, and why it failed, if it did. */
export interface UploadBody {
  body: ReadableStream<Uint8Array>;
  sent: Promise<void>;
  failure: () => ProxyError | undefined;
}

/**
 * Streams a multipart upload through a byte counter and the filename rewriter,
 * never holding more than a chunk. Crossing `limit` errors the stream at once,
 * which aborts the upstream request; `failure()` then tells the 413 (or the 400
 * of a malformed body) apart from a network error.
 */
export function createUploadBody(
  input: ReadableStream<Uint8Array>,
  limit: number,
  rewrite: MultipartRewriteOptions,
): UploadBody {
  let failure: ProxyError | undefined;
  let markSent!: () => void;
  let markFailed!: (error: unknown) => void;
  const sent = new Promise<void>((resolve, reject) => {
    markSent = resolve;
    markFailed = reject;
  });
  sent.catch(() => {});
  const rewriter = new MultipartRewriter(rewrite);
  let received = 0;
  const fail = (error: unknown, controller: TransformStreamDefaultController<Uint8Array>) => {
    failure ??= error instanceof MultipartError ? invalidMultipart(error.message) : (error as ProxyError);
    markFailed(failure);
    controller.error(failure);
  };
  const body = input.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) return fail(payloadTooLarge(limit), controller);
        try {
          for (const part of rewriter.push(chunk)) controller.enqueue(part);
        } catch (error) {
          fail(error, controller);
        }
      },
      flush(controller) {
        try {
          rewriter.end();
          markSent();
        } catch (error) {
          fail(error, controller);
        }
      },
    }),
  );
  return { body, sent, failure: () => failure };
}
