import type { ListBatchJobsParams } from "@mistral-batch/client";
import { keepPreviousData, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { batchJobsQueryOptions, type PollingOptions } from "./batchQueryOptions.js";
import { useMistralBatch } from "./MistralBatchProvider.js";

/** Options of `useBatchJobs`. */
export interface UseBatchJobsOptions extends PollingOptions {
  /** False to wait before fetching. Default true. */
  enabled?: boolean | undefined;
}

/**
 * One page of jobs with every list filter. A page change keeps the previous
 * page on screen until the next arrives; the page is refetched while any of its
 * jobs is still running, and no more once all are terminal.
 */
export function useBatchJobs(params: ListBatchJobsParams = {}, options: UseBatchJobsOptions = {}) {
  const client = useMistralBatch();
  return useQuery({
    ...batchJobsQueryOptions(client, params, options),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** `useBatchJobs` for React Suspense: suspends until the first page arrives. */
export function useSuspenseBatchJobs(params: ListBatchJobsParams = {}, options: PollingOptions = {}) {
  const client = useMistralBatch();
  return useSuspenseQuery(batchJobsQueryOptions(client, params, options));
}
