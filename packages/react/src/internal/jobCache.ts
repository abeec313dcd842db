import type { BatchJob, ListBatchJobsResponse } from "@mistral-batch/client";
import type { QueryClient } from "@tanstack/react-query";
import { batchKeys } from "../batchKeys.js";

/** Applies `update` to every cached page of jobs. */
export function updateCachedLists(
  queryClient: QueryClient,
  update: (page: ListBatchJobsResponse) => ListBatchJobsResponse,
): void {
  queryClient.setQueriesData<ListBatchJobsResponse>({ queryKey: batchKeys.lists() }, (page) =>
    page ? update(page) : page,
  );
}

/** Writes a newer version of a job into every list that shows it. */
export function replaceJobInLists(queryClient: QueryClient, job: BatchJob): void {
  updateCachedLists(queryClient, (page) =>
    page.data?.some((listed) => listed.id === job.id)
      ? { ...page, data: page.data.map((listed) => (listed.id === job.id ? job : listed)) }
      : page,
  );
}

/** Writes a newer version of a job into its detail query and into every list that shows it. */
export function writeJob(queryClient: QueryClient, job: BatchJob): void {
  queryClient.setQueryData(batchKeys.detail(job.id), job);
  replaceJobInLists(queryClient, job);
}

/** The job as the freshest cached list shows it, with when that list was fetched. */
export function findJobInLists(
  queryClient: QueryClient,
  job_id: string,
): { job: BatchJob; updatedAt: number } | undefined {
  let found: { job: BatchJob; updatedAt: number } | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: batchKeys.lists() })) {
    const job = (query.state.data as ListBatchJobsResponse | undefined)?.data?.find((listed) => listed.id === job_id);
    if (job && (!found || query.state.dataUpdatedAt > found.updatedAt)) {
      found = { job, updatedAt: query.state.dataUpdatedAt };
    }
  }
  return found;
}

/** Removes a job from its detail and results queries and from every list. */
export function removeJob(queryClient: QueryClient, job_id: string): void {
  queryClient.removeQueries({ queryKey: batchKeys.detail(job_id), exact: true });
  queryClient.removeQueries({ queryKey: batchKeys.results(job_id) }); // every page: their keys extend this one
  updateCachedLists(queryClient, (page) =>
    page.data?.some((listed) => listed.id === job_id)
      ? { ...page, data: page.data.filter((listed) => listed.id !== job_id), total: Math.max(0, page.total - 1) }
      : page,
  );
}
