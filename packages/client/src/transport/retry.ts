import { definedOnly } from "../internal/definedOnly.js";
import type { AcceptUndefined } from "../types.js";

/** How long to wait between attempts, as in the official Mistral SDKs. All times in milliseconds. */
export interface BackoffStrategy {
  /** The first wait. */
  initialInterval: number;
  /** No single wait is longer, whatever `Retry-After` asks for. */
  maxInterval: number;
  /** Each wait is the previous one times this factor (before jitter). */
  exponent: number;
  /** No retry starts after this much time since the first attempt. */
  maxElapsedTime: number;
}

/** Whether and how a call is retried on 429, 500, 502, 503, 504 and connection errors. */
export type RetryConfig =
  | { strategy: "none" }
  | {
      strategy: "backoff";
      backoff?: AcceptUndefined<Partial<BackoffStrategy>> | undefined;
      retryConnectionErrors?: boolean | undefined;
    };

/** The backoff used when a retry config leaves values out. */
export const DEFAULT_BACKOFF: BackoffStrategy = {
  initialInterval: 500,
  maxInterval: 30_000,
  exponent: 2,
  maxElapsedTime: 120_000,
};

/** The default for every operation: retries with backoff, connection errors included. */
export const DEFAULT_RETRY_CONFIG: RetryConfig = {
  strategy: "backoff",
  backoff: DEFAULT_BACKOFF,
  retryConnectionErrors: true,
};

/** Status codes worth another try. */
export const RETRYABLE_STATUS_CODES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Status codes that prove the request was not acted on, so that even a
 * non-idempotent call (create) may be sent again.
 */
export const REJECTED_UNPROCESSED_STATUS_CODES: ReadonlySet<number> = new Set([429, 503]);

/**
 * The wait before attempt number `attempt + 1` (attempt counts from 0):
 * exponential with full jitter in its upper half, so that many clients
 * retrying together spread out.
 */
export function backoffDelay(backoff: BackoffStrategy, attempt: number, random = Math.random): number {
  const base = backoff.initialInterval * backoff.exponent ** attempt;
  const jittered = base / 2 + (random() * base) / 2;
  return Math.min(jittered, backoff.maxInterval);
}

/** The backoff a retry config asks for, with the defaults filled in. */
export function backoffOf(retries: RetryConfig): BackoffStrategy {
  return { ...DEFAULT_BACKOFF, ...definedOnly((retries.strategy === "backoff" && retries.backoff) || {}) };
}

/**
 * The wait before attempt number `attempt + 1`: what `Retry-After` asks for when
 * the answer has one, else the backoff delay; never more than `maxInterval`.
 */
export function retryDelay(backoff: BackoffStrategy, attempt: number, retryAfter: string | null = null): number {
  return Math.min(parseRetryAfter(retryAfter) ?? backoffDelay(backoff, attempt), backoff.maxInterval);
}

/** True when a retry that waits `delay` first would still start within `maxElapsedTime` of `startedAt`. */
export function withinRetryBudget(startedAt: number, delay: number, backoff: BackoffStrategy): boolean {
  return Date.now() + delay - startedAt <= backoff.maxElapsedTime;
}

/**
 * Reads a `Retry-After` header, in seconds or as an HTTP date, as a wait in
 * milliseconds; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
