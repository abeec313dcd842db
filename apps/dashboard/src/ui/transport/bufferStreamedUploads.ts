/**
 * A fetch for the client that reads a streamed request body (a `ReadableStream`, sent with `duplex: "half"`) into a
 * Blob before sending it.
 *
 * Why: Chromium sends streamed request bodies over HTTP/2 or QUIC only; over the dashboard's plain HTTP/1.1 it
 * refuses them (`ERR_H2_OR_QUIC_REQUIRED`, a TypeError "Failed to fetch"). `batch.jobs.retryFailed` uploads the
 * failed lines as a stream, so without this the "Retry failed requests" button fails in Chromium. The price is the
 * retry file held in memory once, which for a job's failed lines is small. Blob and FormData bodies (the create
 * page's uploads) pass untouched. The proper fix belongs in the client (buffer, or fall back, where streaming
 * uploads are refused); until then this stays narrow: only stream bodies, nothing else changes.
 */
export function bufferStreamedUploads(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return async (input, init) => {
    if (!(init?.body instanceof ReadableStream)) return fetchImpl(input, init);
    const { duplex: _duplex, body, ...rest } = init as RequestInit & { duplex?: string };
    const buffered = await new Response(body).blob();
    return fetchImpl(input, { ...rest, body: buffered });
  };
}
