import type { DeleteBatchJobResponse, JobIdParams } from "@mistral-batch/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { batchKeys } from "./batchKeys.js";
import { removeJob } from "./internal/jobCache.js";
import { useMistralBatch } from "./MistralBatchProvider.js";

/** Deletes a job; on success it is removed from every cache and the lists are refetched. */
export function useDeleteBatchJob() {
  const client = useMistralBatch();
  const queryClient = useQueryClient();
  return useMutation<DeleteBatchJobResponse, Error, JobIdParams>({
    mutationFn: (params) => client.batch.jobs.delete(params),
    onSuccess: async (_response, { job_id }) => {
      await queryClient.cancelQueries({ queryKey: batchKeys.detail(job_id) });
      removeJob(queryClient, job_id);
      await queryClient.invalidateQueries({ queryKey: batchKeys.lists() });
    },
  });
}
