import type { BatchJob, JobIdParams } from "@mistral-batch/client";
import { type QueryFilters, type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { batchKeys } from "./batchKeys.js";
import { updateCachedLists, writeJob } from "./internal/jobCache.js";
import { useMistralBatch } from "./MistralBatchProvider.js";

const requested = (job: BatchJob): BatchJob => ({ ...job, status: "CANCELLATION_REQUESTED" });

/**
 * Cancels a job. The job shows CANCELLATION_REQUESTED at once in its detail
 * query and every list; if the API refuses, every cache is rolled back.
 */
export function useCancelBatchJob() {
  const client = useMistralBatch();
  const queryClient = useQueryClient();
  return useMutation<BatchJob, Error, JobIdParams, { snapshot: Array<[QueryKey, unknown]> }>({
    mutationFn: (params) => client.batch.jobs.cancel(params),
    onMutate: async ({ job_id }) => {
      // Only what the optimistic update writes: the lists and this job. Other jobs' queries (a result stream
      // being read, say) carry on.
      const touched: QueryFilters[] = [
        { queryKey: batchKeys.lists() },
        { queryKey: batchKeys.detail(job_id), exact: true },
      ];
      await Promise.all(touched.map((filters) => queryClient.cancelQueries(filters)));
      const snapshot = touched.flatMap((filters) => queryClient.getQueriesData(filters));
      queryClient.setQueryData<BatchJob>(batchKeys.detail(job_id), (job) => job && requested(job));
      updateCachedLists(queryClient, (page) => ({
        ...page,
        data: page.data?.map((job) => (job.id === job_id ? requested(job) : job)),
      }));
      return { snapshot };
    },
    onError: (_error, _params, context) => {
      for (const [queryKey, data] of context?.snapshot ?? []) queryClient.setQueryData(queryKey, data);
    },
    onSuccess: (job) => writeJob(queryClient, job),
    onSettled: (_job, _error, { job_id }) => queryClient.invalidateQueries({ queryKey: batchKeys.detail(job_id) }),
  });
}
