import type { BatchJob } from "@mistral-batch/client";
import { useBatchResults } from "@mistral-batch/react";

/** The most results held in the page; the files themselves can be downloaded whole. */
export const MAX_RESULTS = 10_000;

/**
 * A finished job's results, read once for the page: the results table and the usage totals call this with the same
 * options, so they share one query (one download of the output and error files).
 */
export function useJobResults(job: BatchJob) {
  return useBatchResults(job, { pageSize: MAX_RESULTS });
}
