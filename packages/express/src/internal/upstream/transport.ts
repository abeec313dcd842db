/**
 * Subscribes to the caller going away before its answer is sent: calls `listener` once (at once if already gone) and
 * returns the unsubscribe. Cheaper than an AbortSignal per request, which the Express adapter would have to make.
 */
export type OnCallerGone = (listener: () => void) => () => void;

/** Where and how the proxy calls the Mistral API. */
export interface UpstreamConfig {
  apiKey: string;
  transport: UpstreamTransport;
  timeoutMs: number;
}

/**
 * How the core reaches the upstream, given by each adapter: node:http under Express and Node (streamed uploads
 * without buffering, the least CPU per request), global `fetch` under the fetch handler (any runtime).
 */
export interface UpstreamTransport {
  /** Starts one request; never throws (failures reject `answer`). */
  send(request: TransportRequest): TransportCall;
}

/** One request as the core sends it: the path and query are appended to the server URL's own path. */
export interface TransportRequest {
  method: string;
  /** The path and query string, after the server URL's path prefix. */
  path: string;
  headers: Record<string, string>;
  body?: string | ReadableStream<Uint8Array> | undefined;
}

/** A request under way: its answer with the body unread, and `abort`, which stops it even mid-answer. */
export interface TransportCall {
  answer: Promise<TransportAnswer>;
  abort: () => void;
}

/**
 * Bytes streamed back to the caller: a web stream (fetch) or a Node readable (node:http), both async-iterable.
 * The adapter that gave the transport writes what its transport produced.
 */
export type ByteStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** The upstream's answer, body unread. */
export interface TransportAnswer {
  status: number;
  /** A response header by lower-case name. */
  header(name: string): string | null;
  /** The whole body as UTF-8 text; rejects if the answer breaks off. */
  text(): Promise<string>;
  /** The body unread, for streaming it back (a download). */
  body(): ByteStream;
}
