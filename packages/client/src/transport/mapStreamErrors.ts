/**
 * The same chunks as `source`, read on demand, with any failure to read them
 * replaced by `toError(failure)`: a body whose connection breaks mid-way then
 * fails with one of our errors rather than the runtime's `TypeError: terminated`.
 * Cancelling the result cancels `source`.
 */
export function mapStreamErrors<T>(
  source: ReadableStream<T>,
  toError: (failure: unknown) => unknown,
): ReadableStream<T> {
  const reader = source.getReader();
  return new ReadableStream<T>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (failure) {
          controller.error(toError(failure));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is read ahead: a chunk is pulled from the source only when one is asked for.
    { highWaterMark: 0 },
  );
}
