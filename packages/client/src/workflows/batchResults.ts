import type { MistralBatchCore } from "../core.js";
import { IncompleteResultsError, InvalidRequestError, ResponseValidationError } from "../errors.js";
import { parseJsonl } from "../jsonl/parseJsonl.js";
import { getBatchJob } from "../operations/batchJobs.js";
import { downloadFile } from "../operations/files.js";
import type { RequestOptions } from "../transport/callOperation.js";
import { type BatchJob, isTerminalStatus } from "../types.js";

/** The outcome of one request of a batch, matched to it by `custom_id`. */
export interface BatchResult<TBody = unknown> {
  /** The API's id of this result line, when it has one. */
  id?: string;
  custom_id: string;
  /** The endpoint's answer, or null when the request failed before getting one. */
  response: { status_code: number; body: TBody } | null;
  /** Why the request failed, or null. */
  error: unknown;
}

/**
 * Streams the results of a finished job, one at a time and in no set order:
 * the inline `outputs` when the job carries them, otherwise the output file
 * followed by the error file, read line by line (a million-line file is never
 * held in memory). A job with results but neither is fetched again with `inline: true`.
 * Stopping early cancels the download. Fewer results than the job counts
 * (`succeeded_requests + failed_requests`) end the iteration with an
 * `IncompleteResultsError`; a connection that breaks, with a `ConnectionError`.
 *
 * @example
 * for await (const result of batchResults(core, job)) byId.set(result.custom_id, result.response?.body);
 */
export async function* batchResults<TBody = unknown>(
  core: MistralBatchCore,
  job: BatchJob,
  options?: RequestOptions,
): AsyncGenerator<BatchResult<TBody>, void, undefined> {
  if (!isTerminalStatus(job?.status)) {
    throw new InvalidRequestError("job", `results need a finished job, ${job?.id} is ${job?.status}`);
  }
  const files = [job.output_file, job.error_file].filter((id): id is string => typeof id === "string");
  let outputs = job.outputs;
  let latest = job;
  if (!outputs && files.length === 0) {
    if (job.completed_requests === 0) return;
    latest = await getBatchJob(core, { job_id: job.id, inline: true }, options);
    outputs = latest.outputs;
  }
  let read = 0;
  if (outputs) {
    for (const [index, output] of outputs.entries()) {
      read++;
      yield toResult<TBody>(output, `outputs[${index}]`);
    }
  } else {
    for (const file_id of files) {
      const lines = parseJsonl(await downloadFile(core, { file_id }, options));
      for await (const line of lines) {
        read++;
        yield toResult<TBody>(line, `line ${lines.lineNumber} of file ${file_id}`);
      }
    }
  }
  // A file can end early on a line boundary, and then reads as a shorter, valid file: only the counts tell.
  const expected = latest.succeeded_requests + latest.failed_requests;
  if (read < expected) throw new IncompleteResultsError(job.id, expected, read);
}

function toResult<TBody>(value: unknown, where: string): BatchResult<TBody> {
  const line = value as Partial<BatchResult<TBody>> | null;
  if (typeof line?.custom_id !== "string") {
    throw new ResponseValidationError(`batch results: ${where} has no custom_id`);
  }
  // Outputs leave out what does not apply; results always carry both fields.
  return { ...line, custom_id: line.custom_id, response: line.response ?? null, error: line.error ?? null };
}
