import type { MistralBatchCore } from "../core.js";
import { ConnectionError, RequestAbortedError, RequestTimeoutError, SDKError, WaitTimeoutError } from "../errors.js";
import { assertUuid } from "../internal/validate.js";
import { getBatchJob } from "../operations/batchJobs.js";
import { abortableSleep } from "../transport/abortableSleep.js";
import type { RequestOptions } from "../transport/callOperation.js";
import { RETRYABLE_STATUS_CODES } from "../transport/retry.js";
import { type BatchJob, type BatchJobStatus, isTerminalStatus, type JobIdParams } from "../types.js";
import { pollDelay } from "./pollSchedule.js";

/** Where a job stands, as `onProgress` reports it. */
export interface BatchJobProgress {
  status: BatchJobStatus;
  completed: number;
  total: number;
  succeeded: number;
  failed: number;
}

/** Options of `batch.jobs.wait`. Each poll also takes the usual `retries` and `headers`. */
export interface WaitForBatchJobOptions extends Omit<RequestOptions, "timeoutMs"> {
  /** The first pause between polls; each pause is 1.5 times the previous one. Defaults to 1,000 ms. */
  intervalMs?: number | undefined;
  /** The longest pause between polls. Defaults to 10,000 ms (`DEFAULT_POLL_SCHEDULE`). */
  maxIntervalMs?: number | undefined;
  /** Gives up with a `WaitTimeoutError` after this long; by default waits as long as the job runs. */
  timeoutMs?: number | undefined;
  /** Called with the job's progress on the first poll and whenever it changes. */
  onProgress?: ((progress: BatchJobProgress, job: BatchJob) => void) | undefined;
}

/**
 * Polls a job until it reaches a terminal status (SUCCESS, FAILED,
 * TIMEOUT_EXCEEDED, CANCELLED) and resolves with it. Transient failures
 * (connection errors, timeouts, 429 and 5XX answers) are ridden out by polling
 * again; other errors reject. Rejects with `WaitTimeoutError` after
 * `timeoutMs` and with `RequestAbortedError` when `signal` aborts.
 *
 * @example
 * const job = await waitForBatchJob(core, { job_id }, { onProgress: (p) => console.log(p.completed, "/", p.total) });
 */
export async function waitForBatchJob(
  core: MistralBatchCore,
  params: JobIdParams,
  options: WaitForBatchJobOptions = {},
): Promise<BatchJob> {
  assertUuid("job_id", params?.job_id);
  const { intervalMs, maxIntervalMs, timeoutMs, onProgress, signal: callerSignal, ...rest } = options;
  const deadline = new AbortController();
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => deadline.abort(new WaitTimeoutError(params.job_id, timeoutMs)), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
  let reported: string | undefined;
  try {
    for (let polls = 1; ; polls++) {
      const job = await getBatchJob(core, { job_id: params.job_id }, { ...rest, signal }).catch((error: unknown) => {
        if (signal.aborted || !isTransientError(error)) throw error;
        return undefined;
      });
      if (job) {
        const progress = progressOf(job);
        const key = JSON.stringify(progress);
        if (key !== reported) {
          reported = key;
          onProgress?.(progress, job);
        }
        if (isTerminalStatus(job.status)) return job;
      }
      await abortableSleep(pollDelay(polls, { intervalMs, maxIntervalMs }), signal);
    }
  } catch (error) {
    if (callerSignal?.aborted) {
      throw error instanceof RequestAbortedError
        ? error
        : new RequestAbortedError("batch.jobs.wait was aborted", { cause: callerSignal.reason });
    }
    throw deadline.signal.aborted ? deadline.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}

function progressOf(job: BatchJob): BatchJobProgress {
  return {
    status: job.status,
    completed: job.completed_requests,
    total: job.total_requests,
    succeeded: job.succeeded_requests,
    failed: job.failed_requests,
  };
}

/** Failures that say nothing about what was asked, only about this one attempt: worth trying again. */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof RequestTimeoutError ||
    (error instanceof SDKError && RETRYABLE_STATUS_CODES.has(error.statusCode))
  );
}
