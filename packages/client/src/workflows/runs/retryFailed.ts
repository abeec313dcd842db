import type { MistralBatchCore } from "../../core.js";
import { InvalidRequestError } from "../../errors.js";
import { uploadFile } from "../../operations/uploadFile.js";
import type { RequestOptions } from "../../transport/callOperation.js";
import { type BatchJob, isTerminalStatus } from "../../types.js";
import { createBatchJobOnce, findBatchJobByKey, IDEMPOTENCY_METADATA_KEY } from "../createBatchJobOnce.js";
import { readPartOutcomes } from "./readPartOutcomes.js";
import { readInputFiles, selectedRequests } from "./retryInput.js";
import { isRetryableResult, isSuccessfulResult } from "./runResults.js";

/** The metadata key naming the job whose failed lines a job resubmits. */
export const RETRY_OF_METADATA_KEY = "retry_of";

/** Options of `batch.jobs.retryFailed`. */
export interface RetryFailedOptions extends RequestOptions {
  /**
   * Which failures to send again: "retryable" (the default: 408, 429, 5XX,
   * no answer, and lines the job never ran) or "all" (every failed line).
   */
  include?: "retryable" | "all" | undefined;
}

/**
 * Creates one job, exactly once, from the failed lines of a finished job: it
 * reads which lines failed from the job's results, takes those requests from
 * its input files (same custom_ids, same bodies), uploads them and creates a
 * job on the same endpoint and model, with the parent's metadata and
 * `retry_of: <parent id>`. Calling it again for the same job returns the same
 * retry job. Rejects with an `InvalidRequestError` when the job is not
 * finished, was sent inline (its requests are not on the server to read), or
 * has nothing to retry.
 *
 * @example
 * const retry = await mistral.batch.jobs.retryFailed(job);
 */
export async function retryFailed(
  core: MistralBatchCore,
  job: BatchJob,
  options: RetryFailedOptions = {},
): Promise<BatchJob> {
  const { include = "retryable", ...callOptions } = options;
  if (!isTerminalStatus(job?.status)) {
    throw new InvalidRequestError("job", `only a finished job can be retried, ${job?.id} is ${job?.status}`);
  }
  if (job.input_files.length === 0) {
    throw new InvalidRequestError("job", `${job.id} was sent inline: its requests are not on the server to resend`);
  }
  const key = `retry-of-${job.id}`;
  const existing = await findBatchJobByKey(core, key, callOptions);
  if (existing) return existing;

  const inputs = () => readInputFiles(core, job.input_files, callOptions);
  const rules = {
    attempt: 1,
    resend:
      include === "all" ? (r: Parameters<typeof isRetryableResult>[0]) => !isSuccessfulResult(r) : isRetryableResult,
    resendUnprocessed: true,
    inputs,
  };
  const outcomes = readPartOutcomes(core, job, rules, callOptions);
  let next = await outcomes.next();
  while (!next.done) next = await outcomes.next();
  const ids = next.value;
  if (ids.size === 0) throw new InvalidRequestError("job", `${job.id} has no failed requests to retry`);

  const file = await uploadFile(
    core,
    { file: selectedRequests(inputs(), ids), filename: `retry-of-${job.id}.jsonl` },
    callOptions,
  );
  const { [IDEMPOTENCY_METADATA_KEY]: _parentKey, ...metadata } = job.metadata ?? {};
  return createBatchJobOnce(
    core,
    {
      endpoint: job.endpoint,
      model: job.model ?? null,
      agent_id: job.agent_id ?? null,
      input_files: [file.id],
      metadata: { ...metadata, [RETRY_OF_METADATA_KEY]: job.id },
    },
    { ...callOptions, idempotencyKey: key },
  );
}
