import { abortableSleep } from "./abortableSleep.js";
import {
  backoffOf,
  REJECTED_UNPROCESSED_STATUS_CODES,
  RETRYABLE_STATUS_CODES,
  type RetryConfig,
  retryDelay,
  withinRetryBudget,
} from "./retry.js";

/** What one call allows the fetch wrapper to do. */
export interface RetryPolicy {
  retries: RetryConfig;
  /**
   * False for calls that must not run twice (create): they are retried only
   * when the failure proves the server did not act on the request.
   */
  idempotent: boolean;
  /** Aborts on the caller's signal and on the call's deadline. */
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
  /**
   * Set to each failure about to be retried (the Response, or what fetch
   * threw) before the wait, so that a call stopped during the wait can say why.
   */
  retrying?: unknown;
}

/**
 * Error codes of a connection that failed before any byte of the request left,
 * so that sending it again cannot duplicate anything.
 */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } })?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when the connection error proves the request never reached the server. */
export function isUnsentConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/**
 * Sends `url` with `init`, retrying on 429, 500, 502, 503, 504 and connection
 * errors as the policy allows. Each attempt is a fresh `fetch(url, init)`: the
 * bodies the client retries (strings, FormData) can be sent again as they are,
 * with no Request to build and clone. Returns the last response, whatever its
 * status; throws the last fetch error (or the signal's reason) when no response came.
 */
export async function fetchWithRetry(url: string, init: RequestInit, policy: RetryPolicy): Promise<Response> {
  const { retries, signal } = policy;
  const mayRetry = retries.strategy === "backoff";
  const backoff = backoffOf(retries);
  const retryConnectionErrors = mayRetry && (retries.retryConnectionErrors ?? true);
  const startedAt = Date.now();

  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    let response: Response;
    try {
      response = await policy.fetch(url, { ...init, signal });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const safe = policy.idempotent || isUnsentConnectionError(error);
      const delay = retryDelay(backoff, attempt);
      if (!(retryConnectionErrors && safe && withinRetryBudget(startedAt, delay, backoff))) throw error;
      policy.retrying = error;
      await abortableSleep(delay, signal);
      continue;
    }

    if (!mayRetry || !RETRYABLE_STATUS_CODES.has(response.status)) return response;
    if (!policy.idempotent && !REJECTED_UNPROCESSED_STATUS_CODES.has(response.status)) return response;
    const delay = retryDelay(backoff, attempt, response.headers.get("Retry-After"));
    if (!withinRetryBudget(startedAt, delay, backoff)) return response;
    // Not awaited: cancelling one branch of a teed (cloned) body only settles once both are cancelled.
    response.body?.cancel().catch(() => {});
    policy.retrying = response;
    await abortableSleep(delay, signal);
  }
}
