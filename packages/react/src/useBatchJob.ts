import { type BatchJob, isTerminalStatus } from "@mistral-batch/client";
import { type UseQueryResult, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { batchJobQueryOptions, type PollingOptions } from "./batchQueryOptions.js";
import { findJobInLists } from "./internal/jobCache.js";
import { useJobEvents } from "./internal/useJobEvents.js";
import { useMistralBatch, useMistralBatchSettings } from "./MistralBatchProvider.js";

/** What `useBatchJob` adds to TanStack's query result. */
export interface BatchJobProgressFields {
  /** Completed requests over total requests, from 0 to 1 (0 while unknown). */
  progress: number;
  /** True once the job can change no more: polling has stopped. */
  isTerminal: boolean;
}

/** Options of `useBatchJob`. */
export interface UseBatchJobOptions extends PollingOptions {
  /** False to wait before fetching. Default: true when there is a job_id. */
  enabled?: boolean | undefined;
}

/** A job's share of completed requests, from 0 to 1. */
export function jobProgress(job: BatchJob | undefined): number {
  if (!job || job.total_requests <= 0) return 0;
  return Math.min(1, job.completed_requests / job.total_requests);
}

function withProgress<T extends { data: BatchJob | undefined }>(query: T): T & BatchJobProgressFields {
  return {
    ...query,
    progress: jobProgress(query.data),
    isTerminal: query.data ? isTerminalStatus(query.data.status) : false,
  };
}

/**
 * One job, polled with backoff until its status is terminal, then never again; under a `live` provider, updated
 * from the proxy's events instead, polling only if they cannot be had. Starts from the job as a cached list shows
 * it, and keeps those lists up to date.
 */
export function useBatchJob(
  job_id: string | undefined,
  options: UseBatchJobOptions = {},
): UseQueryResult<BatchJob> & BatchJobProgressFields {
  const { client, live } = useMistralBatchSettings();
  const queryClient = useQueryClient();
  const enabled = (options.enabled ?? true) && Boolean(job_id);
  const following = useJobEvents(client, job_id, live && enabled);
  const query = useQuery({
    ...batchJobQueryOptions(client, job_id ?? "", options),
    ...(following ? { refetchInterval: false } : {}),
    enabled,
    initialData: () => (job_id ? findJobInLists(queryClient, job_id)?.job : undefined),
    initialDataUpdatedAt: () => (job_id ? findJobInLists(queryClient, job_id)?.updatedAt : undefined),
  });
  return withProgress(query);
}

/** `useBatchJob` for React Suspense: suspends until the job arrives. */
export function useSuspenseBatchJob(job_id: string, options: PollingOptions = {}) {
  const client = useMistralBatch();
  return withProgress(useSuspenseQuery(batchJobQueryOptions(client, job_id, options)));
}
