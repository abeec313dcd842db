/** Bytes or text to read as JSONL: a web stream, a Blob/File, or any (async) iterable of chunks. */
export type JsonlSource =
  | ReadableStream<Uint8Array>
  | Blob
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/**
 * Yields the chunks of a source. Streams are read through a reader rather than
 * `for await`, which not every runtime supports on ReadableStream; stopping
 * early cancels the stream, so that a download's connection is released.
 */
export async function* readChunks(source: JsonlSource): AsyncGenerator<Uint8Array | string> {
  if (source instanceof Blob) {
    yield* readChunks(source.stream());
    return;
  }
  if (!(source instanceof ReadableStream)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  let done = false;
  try {
    for (;;) {
      const result = await reader.read();
      if (result.done) {
        done = true;
        return;
      }
      yield result.value;
    }
  } finally {
    // Not awaited: some sources (msw's mocked bodies among them) never settle a cancel, and nothing here needs it to.
    if (!done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
