import type { ListBatchJobsParams } from "@mistral-batch/client";

const all = ["mistral-batch"] as const;

/**
 * The query keys every hook uses, from broad to narrow, so that
 * `queryClient.invalidateQueries({ queryKey: batchKeys.lists() })` reaches every list.
 */
export const batchKeys = {
  all,
  jobs: () => [...all, "jobs"] as const,
  lists: () => [...all, "jobs", "list"] as const,
  list: (params: ListBatchJobsParams = {}) => [...all, "jobs", "list", params] as const,
  details: () => [...all, "jobs", "detail"] as const,
  detail: (job_id: string) => [...all, "jobs", "detail", job_id] as const,
  results: (job_id: string) => [...all, "jobs", "results", job_id] as const,
};
