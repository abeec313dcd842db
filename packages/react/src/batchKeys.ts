import type { ListBatchJobsParams } from "@mistral-batch/client";

const all = ["mistral-batch"] as const;

/**
 * The query keys every hook uses, from broad to narrow, so that
 * `queryClient.invalidateQueries({ queryKey: batchKeys.lists() })` reaches every list.
 */
export const batchKeys = {
  /** Every query of the kit. */
  all,
  /** Every query of jobs: lists, details and results. */
  jobs: () => [...all, "jobs"] as const,
  /** Every list of jobs, whatever its filters. */
  lists: () => [...all, "jobs", "list"] as const,
  /** The list of jobs with these filters (`useBatchJobs`). */
  list: (params: ListBatchJobsParams = {}) => [...all, "jobs", "list", params] as const,
  /** Every single job. */
  details: () => [...all, "jobs", "detail"] as const,
  /** One job (`useBatchJob`). */
  detail: (job_id: string) => [...all, "jobs", "detail", job_id] as const,
  /** Every page of one job's results (`useBatchResults`). */
  results: (job_id: string) => [...all, "jobs", "results", job_id] as const,
};
