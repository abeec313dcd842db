import type { MistralBatchCore } from "../core.js";
import { RequestAbortedError } from "../errors.js";
import { cancelBatchJob } from "../operations/batchJobs.js";
import { uploadFile } from "../operations/uploadFile.js";
import type { ApiEndpoint, BatchJob, CreateBatchJobParams } from "../types.js";
import { type BatchResult, batchResults } from "./batchResults.js";
import { createBatchJobOnce, findBatchJobByKey } from "./createBatchJobOnce.js";
import { type BatchInput, type BatchRunRequests, prepareBatchInput } from "./prepareBatchInput.js";
import { type WaitForBatchJobOptions, waitForBatchJob } from "./waitForBatchJob.js";

/** Parameters of `batch.run`: those of create, with the requests themselves instead of file ids. */
export interface RunBatchParams extends Omit<CreateBatchJobParams, "input_files" | "requests" | "endpoint"> {
  endpoint: ApiEndpoint;
  /** Request objects (array or (async) iterable), or a JSONL file as a Blob/File. */
  requests: BatchRunRequests;
}

/** Options of `batch.run`: those of `wait`, plus what the run needs. */
export interface RunBatchOptions extends WaitForBatchJobOptions {
  /** When `signal` aborts after the job was created, cancel the job too. */
  cancelOnAbort?: boolean;
  /** Defaults to a random UUID: pass your own to make a re-run find the job of an earlier one. */
  idempotencyKey?: string;
}

/** What `batch.run` resolves with: the finished job and its results, read on demand. */
export interface RunBatchResult<TBody = unknown> {
  job: BatchJob;
  results: AsyncIterable<BatchResult<TBody>>;
}

/**
 * Runs a batch from start to finish: validates the requests, sends them inline
 * (at most 10,000 and `MAX_INLINE_BYTES`) or uploads them as a streamed JSONL
 * file, creates the job exactly once, waits for a terminal status, and returns
 * the job with its results. The job's status says how it ended; a FAILED or
 * CANCELLED job does not reject.
 *
 * @example
 * const { job, results } = await runBatch(core, { endpoint: "/v1/embeddings", model: "mistral-embed", requests });
 * for await (const result of results) console.log(result.custom_id, result.response?.status_code);
 */
export async function runBatch<TBody = unknown>(
  core: MistralBatchCore,
  params: RunBatchParams,
  options: RunBatchOptions = {},
): Promise<RunBatchResult<TBody>> {
  const { requests, ...create } = params;
  const { cancelOnAbort, idempotencyKey = crypto.randomUUID(), ...waitOptions } = options;
  const { signal } = options;
  const input = await prepareBatchInput(requests);
  if (signal?.aborted) throw new RequestAbortedError("batch.run was aborted", { cause: signal.reason });
  const source = await inputFields(core, input, signal);
  let job: BatchJob | undefined;
  try {
    job = await createBatchJobOnce(core, { ...create, ...source }, { idempotencyKey, signal });
    job = await waitForBatchJob(core, { job_id: job.id }, waitOptions);
  } catch (error) {
    if (cancelOnAbort && signal?.aborted) {
      // The create may have gone through before the abort: the key finds the job.
      const target = job ?? (await findBatchJobByKey(core, idempotencyKey).catch(() => undefined));
      if (target) await cancelBatchJob(core, { job_id: target.id }).catch(() => {});
    }
    throw error;
  }
  return { job, results: batchResults<TBody>(core, job, { signal }) };
}

async function inputFields(
  core: MistralBatchCore,
  input: BatchInput,
  signal: AbortSignal | undefined,
): Promise<Pick<CreateBatchJobParams, "requests" | "input_files">> {
  if ("requests" in input) return { requests: input.requests };
  // A bad line found while streaming stops the upload: whatever the server made of the cut-off body, report the line.
  const file = await uploadFile(core, { file: input.file, filename: "batch.jsonl" }, { signal }).catch((error) => {
    throw input.invalid?.() ?? error;
  });
  const invalid = input.invalid?.();
  if (invalid) throw invalid;
  return { input_files: [file.id] };
}
