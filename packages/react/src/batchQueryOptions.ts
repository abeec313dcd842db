import {
  type BatchJob,
  isTerminalStatus,
  type ListBatchJobsParams,
  type MistralBatch,
  pollDelay,
} from "@mistral-batch/client";
import { queryOptions } from "@tanstack/react-query";
import { batchKeys } from "./batchKeys.js";
import { replaceJobInLists } from "./internal/jobCache.js";
import { ONE_ATTEMPT, retryTransient } from "./internal/retryPolicy.js";

/** How often lists and jobs are polled while something is still running: the client's one schedule. */
export interface PollingOptions {
  /** The first wait between polls, in ms. Default 1,000 (`DEFAULT_POLL_SCHEDULE`). */
  pollIntervalMs?: number | undefined;
  /** Polls slow down by half each time, up to this wait, in ms. Default 10,000 (`DEFAULT_POLL_SCHEDULE`). */
  maxPollIntervalMs?: number | undefined;
}

const delayOf = (polling: PollingOptions, polls: number) =>
  pollDelay(polls, { intervalMs: polling.pollIntervalMs, maxIntervalMs: polling.maxPollIntervalMs });

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
    queryFn: ({ signal }) => client.batch.jobs.list(params, { ...ONE_ATTEMPT, signal }),
    retry: retryTransient,
    refetchInterval: (query) => {
      const jobs = query.state.data?.data ?? [];
      return jobs.some((job) => !isTerminalStatus(job.status)) ? delayOf(polling, query.state.dataUpdateCount) : false;
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
      const job = await client.batch.jobs.get({ job_id }, { ...ONE_ATTEMPT, signal });
      replaceJobInLists(queryClient, job);
      return job;
    },
    retry: retryTransient,
    refetchInterval: (query) => {
      const job = query.state.data;
      if (!job || isTerminalStatus(job.status)) return false;
      return delayOf(polling, query.state.dataUpdateCount);
    },
  });
}
