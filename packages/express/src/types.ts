import type { AcceptUndefined } from "@mistral-batch/client";
import type { ApiOperation } from "@mistral-batch/client/contract";

/** Byte limits the proxy enforces before anything reaches the upstream. */
export interface ProxyLimits {
  /** Largest JSON request body, in bytes (413 above it). */
  jsonBody: number;
  /** Largest multipart upload, in bytes, counted while it streams (413 as soon as it is crossed). */
  upload: number;
}

/** Who is calling, as `authorize` says. */
export interface ProxyUser {
  /** A stable, non-empty id (at most 512 characters, well-formed Unicode): it is stored in job metadata. */
  userId: string;
}

/**
 * The operations the proxy serves, named like the SDKs' methods: every operation of the API, and
 * `batch.jobs.events`, its own route of live job events.
 */
export type ProxyOperation = ApiOperation | "batch.jobs.events";

/** Options of the live job events route (`GET {mount}/events/batch/jobs/{job_id}`); see `DEFAULT_EVENT_STREAM_OPTIONS`. */
export interface EventStreamOptions {
  /** Streams one user may hold open at once, over all jobs: 429 past it. */
  maxStreamsPerUser?: number | undefined;
  /** Streams the proxy holds open at once, over all users: 429 past it. */
  maxStreams?: number | undefined;
  /** How long after a change the job is read again, in milliseconds. */
  pollIntervalMs?: number | undefined;
  /**
   * The longest wait between reads: while nothing changes, each wait is 1.5 times the last, from `pollIntervalMs`
   * up to this (the client's `pollDelay`).
   */
  maxPollIntervalMs?: number | undefined;
  /** How often an idle stream gets a comment line, to keep it (and the proxies between) open. */
  heartbeatMs?: number | undefined;
}

/** What `onRequest` is told once a request has its answer. It never holds the API key nor any body. */
export interface ProxyRequestEvent {
  /** The operation, or null when no route matched. */
  operation: ProxyOperation | null;
  method: string;
  /** The path under the mount, without the query string. */
  path: string;
  /** The caller, once `authorize` accepted them. */
  userId: string | null;
  /** The status the proxy answered. */
  status: number;
  durationMs: number;
}

/**
 * Options of `mistralBatchProxy` and `createProxyHandler`.
 * `TRequest` is what `authorize` receives: the Express request for the middleware.
 */
export interface MistralBatchProxyOptions<TRequest = unknown> {
  /**
   * The Mistral API key. It is only ever sent to `serverURL`. Typed to take `process.env.MISTRAL_API_KEY` as it
   * is: an unset (or empty) key makes the factory throw a TypeError, so a server without one fails at startup.
   */
  apiKey: string | undefined;
  /** The upstream API, `https://api.mistral.ai` by default; may carry a path prefix. */
  serverURL?: string | undefined;
  /** Returns the caller, or null (or throws) to answer 401. Runs before anything reaches the upstream. */
  authorize: (request: TRequest) => ProxyUser | null | undefined | Promise<ProxyUser | null | undefined>;
  /** The job metadata key that records the owner: 1 to 32 characters, not a list parameter's name. Default `"owner"`. */
  ownerMetadataKey?: string | undefined;
  /** Byte limits; see `DEFAULT_LIMITS`. */
  limits?: AcceptUndefined<Partial<ProxyLimits>> | undefined;
  /** How long the upstream has to answer once the request is sent, in milliseconds. Default 60 000. */
  timeoutMs?: number | undefined;
  /** Live job events: caps on streams and the polling schedule. */
  events?: EventStreamOptions | undefined;
  /** Called once per request with its outcome, e.g. for logging or metrics. Errors it throws are ignored. */
  onRequest?: ((event: ProxyRequestEvent) => void) | undefined;
}

/**
 * A request as the framework-free core sees it. `url` is the path under the
 * mount with its query string; `body` gives the raw body as a stream, and is
 * called at most once, only by operations that read a body.
 */
export interface ProxyRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The raw body, opened on demand; null when there is none. */
  body: () => ReadableStream<Uint8Array> | null;
  /** Aborts when the caller goes away, so the upstream call stops too. */
  signal?: AbortSignal | undefined;
}
