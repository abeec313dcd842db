import type { MistralBatchCore } from "../core.js";
import {
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
} from "../errors.js";
import { createBatchJob } from "../operations/batchJobs.js";
import { abortableSleep } from "../transport/abortableSleep.js";
import type { RequestOptions } from "../transport/callOperation.js";
import { isUnsentConnectionError } from "../transport/fetchWithRetry.js";
import {
  backoffOf,
  RETRYABLE_STATUS_CODES,
  type RetryConfig,
  retryDelay,
  withinRetryBudget,
} from "../transport/retry.js";
import type { BatchJob, CreateBatchJobParams } from "../types.js";
import { iterateBatchJobs } from "./iterateBatchJobs.js";

/** The metadata key under which `create(..., { idempotencyKey })` stamps its key on the job. */
export const IDEMPOTENCY_METADATA_KEY = "idempotency_key";

/**
 * How far before the first attempt the lookups after a failure reach back
 * (`created_after`): 15 minutes. The server stamps `created_at` by its own
 * clock, in whole seconds; a client clock that runs ahead of it by less than
 * this still finds its job. A wider window costs only a longer scan of recent
 * jobs, and only on a server that ignores the metadata filter.
 */
const CLOCK_SKEW_MARGIN_MS = 900_000; // A literal: bundlers keep an unused `15 * 60_000` in every bundle.

/** Each attempt is one request: every retry of a create with a key goes through a lookup first. */
const ONE_REQUEST: RetryConfig = { strategy: "none" };

/** Options of `batch.jobs.create`. */
export interface CreateBatchJobOptions extends RequestOptions {
  /**
   * Makes the create exactly-once: the key is stored in the job's metadata
   * (`IDEMPOTENCY_METADATA_KEY`); a job already holding it is returned instead
   * of creating another, and a failed attempt is retried only after a lookup
   * finds no job with the key. 1 to 512 characters.
   */
  idempotencyKey?: string | undefined;
}

/**
 * Creates a job at most once per idempotency key, even across failures whose
 * outcome is unknown (any 429 or 5XX, a dropped connection, a timeout, an
 * unreadable success). It first looks for a job carrying the key; after a
 * failed attempt it waits the retry delay (or `Retry-After`), looks again, and
 * creates again only when nothing was found, within the call's retry budget.
 * When the failed attempt may still be running on the server (a timeout, a
 * connection dropped after sending, a 502 or 504), a lookup that finds nothing
 * waits once more, as long as one request may last (`timeoutMs`), and looks
 * again before creating.
 *
 * @example
 * const job = await createBatchJobOnce(core, params, { idempotencyKey: `nightly-${date}` });
 */
export async function createBatchJobOnce(
  core: MistralBatchCore,
  params: CreateBatchJobParams,
  options: CreateBatchJobOptions & { idempotencyKey: string },
): Promise<BatchJob> {
  const { idempotencyKey: key, ...callOptions } = options;
  if (typeof key !== "string" || key.length < 1 || key.length > 512) {
    throw new InvalidRequestError("idempotencyKey", "expected a string of 1 to 512 characters");
  }
  const body = { ...params, metadata: { ...params.metadata, [IDEMPOTENCY_METADATA_KEY]: key } };
  const retries = callOptions.retries ?? core.retries;
  const backoff = backoffOf(retries);
  // A create the client gave up on may still land on the server: a request there is given as long again as the
  // caller allows a whole request (60 s by default, for a create that takes well under a second), so one that
  // lands within twice its deadline is found. Past that, the README's limit applies.
  const settleMs = callOptions.timeoutMs ?? core.timeoutMs;
  const signal = callOptions.signal ?? new AbortController().signal;
  const startedAt = Date.now();
  const createdAfter = new Date(startedAt - CLOCK_SKEW_MARGIN_MS);
  const lookUp = (since?: Date) => findBatchJobByKey(core, key, callOptions, since);

  const existing = await lookUp();
  if (existing) return existing;
  for (let attempt = 0; ; attempt++) {
    let failure: unknown;
    try {
      return await createBatchJob(core, body, { ...callOptions, retries: ONE_REQUEST });
    } catch (error) {
      if (!mayHaveCreated(error)) throw error;
      failure = error;
    }
    const inFlight = mayStillBeInFlight(failure);
    const retryAfter = failure instanceof SDKError ? failure.headers.get("Retry-After") : null;
    const delay = retryDelay(backoff, attempt, retryAfter);
    const willRetry =
      retriesFailure(retries, failure) && withinRetryBudget(startedAt, delay + (inFlight ? settleMs : 0), backoff);
    if (willRetry) await pause(delay, signal);
    let job = await lookUp(createdAfter);
    if (!job && willRetry && inFlight) {
      await pause(settleMs, signal);
      job = await lookUp(createdAfter);
    }
    if (job) return job;
    if (!willRetry) throw failure;
  }
}

/**
 * The job stamped with `key`, if any. Lists the jobs filtered on the key (and,
 * given `createdAfter`, on their creation time) and checks the key of every
 * job on every page itself, so that a server that ignores the metadata filter
 * makes the lookup longer, never wrong.
 */
export async function findBatchJobByKey(
  core: MistralBatchCore,
  key: string,
  options?: RequestOptions,
  createdAfter?: Date,
): Promise<BatchJob | undefined> {
  const filter = { metadata: { [IDEMPOTENCY_METADATA_KEY]: key }, created_after: createdAfter };
  for await (const job of iterateBatchJobs(core, filter, options)) {
    if (job.metadata?.[IDEMPOTENCY_METADATA_KEY] === key) return job;
  }
  return undefined;
}

/** Failures after which the job may exist; anything else (a 4XX, an abort, bad input) is final. */
function mayHaveCreated(error: unknown): boolean {
  if (error instanceof SDKError) return RETRYABLE_STATUS_CODES.has(error.statusCode);
  return (
    error instanceof ConnectionError || error instanceof RequestTimeoutError || error instanceof ResponseValidationError
  );
}

/** Failures after which the server may still be working on the request: no answer came from the application. */
function mayStillBeInFlight(failure: unknown): boolean {
  if (failure instanceof SDKError) return failure.statusCode === 502 || failure.statusCode === 504;
  if (failure instanceof ConnectionError) return !isUnsentConnectionError(failure.cause);
  return failure instanceof RequestTimeoutError;
}

/** Whether the retry config allows retrying this failure at all; the budget is checked apart. */
function retriesFailure(retries: RetryConfig, failure: unknown): boolean {
  if (retries.strategy !== "backoff") return false;
  return !(failure instanceof ConnectionError) || (retries.retryConnectionErrors ?? true);
}

/** Waits; rejects with a RequestAbortedError, like any aborted call, once the caller's signal aborts. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await abortableSleep(ms, signal);
  } catch {
    throw new RequestAbortedError("batch.jobs.create was aborted", { cause: signal.reason });
  }
}
