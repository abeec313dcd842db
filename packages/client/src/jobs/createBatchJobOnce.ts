import { createBatchJob, listBatchJobs } from "../batchJobs.js";
import type { MistralBatchCore } from "../core.js";
import {
  ConnectionError,
  InvalidRequestError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
} from "../errors.js";
import { abortableSleep } from "../internal/abortableSleep.js";
import type { RequestOptions } from "../internal/callOperation.js";
import { type BackoffStrategy, backoffDelay, DEFAULT_BACKOFF } from "../retry.js";
import type { BatchJob, CreateBatchJobParams } from "../types.js";

/** The metadata key under which `create(..., { idempotencyKey })` stamps its key on the job. */
export const IDEMPOTENCY_METADATA_KEY = "idempotency_key";

/** Options of `batch.jobs.create`. */
export interface CreateBatchJobOptions extends RequestOptions {
  /**
   * Makes the create exactly-once: the key is stored in the job's metadata
   * (`IDEMPOTENCY_METADATA_KEY`); a job already holding it is returned instead
   * of creating another, and an ambiguous failure is retried only after a
   * lookup proves no job was created. 1 to 512 characters.
   */
  idempotencyKey?: string;
}

/**
 * Creates a job at most once per idempotency key, even across failures whose
 * outcome is unknown (a 5XX other than 503, a dropped connection, a timeout,
 * an unreadable success):
 * it first looks for a job carrying the key, and after an ambiguous failure
 * waits a backoff delay, looks again, and retries only when nothing was found,
 * within the call's retry budget.
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
  const backoff: BackoffStrategy = { ...DEFAULT_BACKOFF, ...(retries.strategy === "backoff" ? retries.backoff : {}) };
  const startedAt = Date.now();
  let job = await findBatchJobByKey(core, key, callOptions);
  for (let attempt = 0; !job; attempt++) {
    try {
      job = await createBatchJob(core, body, callOptions);
    } catch (error) {
      const delay = backoffDelay(backoff, attempt);
      const mayRetry = retries.strategy === "backoff" && Date.now() + delay - startedAt <= backoff.maxElapsedTime;
      if (!isAmbiguous(error)) throw error;
      // The pause lets a create still in flight on the server land before the lookup.
      await abortableSleep(mayRetry ? delay : 0, callOptions.signal ?? new AbortController().signal);
      job = await findBatchJobByKey(core, key, callOptions);
      if (!job && !mayRetry) throw error;
    }
  }
  return job;
}

/** The job stamped with `key`, if any (lists jobs filtered on the metadata key). */
export async function findBatchJobByKey(
  core: MistralBatchCore,
  key: string,
  options?: RequestOptions,
): Promise<BatchJob | undefined> {
  const page = await listBatchJobs(core, { metadata: { [IDEMPOTENCY_METADATA_KEY]: key }, page_size: 100 }, options);
  // Checked here too, in case a server ignores the filter.
  return page.data?.find((job) => job.metadata?.[IDEMPOTENCY_METADATA_KEY] === key);
}

/** Failures after which the job may or may not exist (an unreadable 2XX means it does, but not which). */
function isAmbiguous(error: unknown): boolean {
  if (error instanceof SDKError) return error.statusCode >= 500 && error.statusCode !== 503;
  return (
    error instanceof ConnectionError || error instanceof RequestTimeoutError || error instanceof ResponseValidationError
  );
}
