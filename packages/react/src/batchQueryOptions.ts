import { type BatchJob, isTerminalStatus, type ListBatchJobsParams, type MistralBatch } from "@mistral-batch/client";
import { queryOptions } from "@tanstack/react-query";
import { batchKeys } from "./batchKeys.js";
import { replaceJobInLists } from "./internal/jobCache.js";

/** How often lists and jobs are polled while something is still running. */
export interface PollingOptions {
  /** The first wait between polls, in ms. Default 1000. */
  pollIntervalMs?: number;
  /** Polls slow down by half each time, up to this wait, in ms. Default 10000. */
  maxPollIntervalMs?: number;
}

const DEFAULT_POLL_INTERVAL_MS = 1000;
const DEFAULT_MAX_POLL_INTERVAL_MS = 10_000;

function pollDelay(options: PollingOptions, pollsSoFar: number): number {
  const first = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return Math.min(
    first * 1.5 ** Math.max(0, pollsSoFar - 1),
    options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS,
  );
}

/**
 * The query behind `useBatchJobs`: one page of jobs, refetched while any job on
 * it is not terminal. Usable with `queryClient.fetchQuery` or `useQuery`.
 */
export function batchJobsQueryOptions(
  client: MistralBatch,
  params: ListBatchJobsParams = {},
  polling: PollingOptions = {},
) {
  return queryOptions({
    queryKey: batchKeys.list(params),
    queryFn: ({ signal }) => client.batch.jobs.list(params, { signal }),
    refetchInterval: (query) => {
      const jobs = query.state.data?.data ?? [];
      return jobs.some((job) => !isTerminalStatus(job.status))
        ? pollDelay(polling, query.state.dataUpdateCount)
        : false;
    },
  });
}

/**
 * The query behind `useBatchJob`: one job, polled with backoff until its status
 * is terminal, seeded from any cached list that shows it, and written back into
 * those lists on every poll.
 */
export function batchJobQueryOptions(client: MistralBatch, job_id: string, polling: PollingOptions = {}) {
  return queryOptions({
    queryKey: batchKeys.detail(job_id),
    queryFn: async ({ signal, client: queryClient }): Promise<BatchJob> => {
      const job = await client.batch.jobs.get({ job_id }, { signal });
      replaceJobInLists(queryClient, job);
      return job;
    },
    refetchInterval: (query) => {
      const job = query.state.data;
      if (!job || isTerminalStatus(job.status)) return false;
      return pollDelay(polling, query.state.dataUpdateCount);
    },
  });
}
