import type { IncomingMessage } from "node:http";

/** At most this much of a refused body is read and dropped; then reading stops. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/** The connection is kept for the caller to finish or leave no longer than this. */
const MAX_DISCARD_MS = 10_000;

/**
 * Reads and drops what is left of a request's body, and resolves once it has
 * ended, the caller has gone, or `MAX_DISCARD_MS` has passed. An answer given
 * before the body arrived in full (401, 413) must not close the connection at
 * once: the bytes still arriving would reset it, and a caller still sending
 * (fetch, say) would see EPIPE instead of the answer.
 */
export function discardBody(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let discarded = 0;
    const done = () => {
      clearTimeout(timer);
      req.off("data", onData).off("end", done).off("close", done).off("error", done);
      resolve();
    };
    // Past the bound, reading stops: the caller's writes then block, so it reads the answer and closes.
    const onData = (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > MAX_DISCARDED_BYTES) req.pause();
    };
    const timer = setTimeout(done, MAX_DISCARD_MS);
    timer.unref();
    req.on("data", onData).on("end", done).on("close", done).on("error", done);
    req.resume();
  });
}
