import type { BatchJob, CreateBatchJobParams } from "@mistral-batch/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { batchKeys } from "./batchKeys.js";
import { writeJob } from "./internal/jobCache.js";
import { useMistralBatch } from "./MistralBatchProvider.js";

/**
 * Creates a job. On success the job is cached for `useBatchJob` and every list
 * is refetched, so the new job shows up where it belongs.
 */
export function useCreateBatchJob() {
  const client = useMistralBatch();
  const queryClient = useQueryClient();
  return useMutation<BatchJob, Error, CreateBatchJobParams>({
    mutationFn: (params) => client.batch.jobs.create(params),
    onSuccess: async (job) => {
      writeJob(queryClient, job);
      await queryClient.invalidateQueries({ queryKey: batchKeys.lists() });
    },
  });
}
