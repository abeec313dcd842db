import type { MistralBatchCore } from "../../core.js";
import type { RequestOptions } from "../../transport/callOperation.js";
import type { BatchJob } from "../../types.js";
import { type BatchResult, batchResults } from "../batchResults.js";
import { type RunResult, unprocessedResult } from "./runResults.js";

/** How `readPartOutcomes` tells a final outcome from a line to send again. */
export interface OutcomeRules {
  /** The attempt the job was: its results count it. */
  attempt: number;
  /** Whether a failed line is sent again rather than final. */
  resend(result: BatchResult): boolean;
  /** Whether lines the job never ran are sent again rather than final. */
  resendUnprocessed: boolean;
  /** The job's requests, read again to find the ones it never ran. */
  inputs(): AsyncIterable<{ custom_id?: string | null }> | Iterable<{ custom_id?: string | null }>;
}

/**
 * Reads a finished job's results once: yields each final outcome, and returns
 * the custom_ids to send again: failures `resend` picks, and lines the job
 * never ran (a job that was cancelled, timed out or failed part-way), found by
 * reading its inputs again against the results seen. Only then are the seen
 * custom_ids held, at most one job's worth.
 */
export async function* readPartOutcomes<TBody>(
  core: MistralBatchCore,
  job: BatchJob,
  rules: OutcomeRules,
  options?: RequestOptions,
): AsyncGenerator<RunResult<TBody>, Set<string>, undefined> {
  const again = new Set<string>();
  const ranAll = job.completed_requests >= job.total_requests;
  const seen = ranAll ? undefined : new Set<string>();
  for await (const result of batchResults<TBody>(core, job, options)) {
    seen?.add(result.custom_id);
    if (rules.resend(result)) again.add(result.custom_id);
    else yield { custom_id: result.custom_id, response: result.response, error: result.error, attempts: rules.attempt };
  }
  if (!seen) return again;
  for await (const request of rules.inputs()) {
    const id = request.custom_id;
    if (typeof id !== "string" || seen.has(id)) continue;
    if (rules.resendUnprocessed) again.add(id);
    else yield unprocessedResult(id, job.id, job.status, rules.attempt);
  }
  return again;
}
