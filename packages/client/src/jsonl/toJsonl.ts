import { InvalidRequestError } from "../errors.js";

/** Chunks of about this many characters keep the stream's overhead low without holding much. */
const CHUNK_CHARS = 65_536; // A literal: bundlers keep an unused `64 * 1024` in every bundle.

/**
 * Serializes values as JSON Lines, one `JSON.stringify(value)` per line, into a
 * byte stream. Values are pulled only as the reader asks for more, so a large
 * or endless (async) iterable is never held in memory; cancelling the stream
 * stops the iterable.
 *
 * @example
 * const body = toJsonl(requests); // ReadableStream<Uint8Array>
 */
export function toJsonl(values: Iterable<unknown> | AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator: Iterator<unknown> | AsyncIterator<unknown> =
    Symbol.asyncIterator in values ? values[Symbol.asyncIterator]() : values[Symbol.iterator]();
  const encoder = new TextEncoder();
  let lineNumber = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      while (text.length < CHUNK_CHARS) {
        const next = await iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        lineNumber++;
        const line = JSON.stringify(next.value);
        if (line === undefined) throw new InvalidRequestError(`line ${lineNumber}`, "the value has no JSON form");
        text += `${line}\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
