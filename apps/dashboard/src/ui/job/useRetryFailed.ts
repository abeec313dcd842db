import type { BatchJob } from "@mistral-batch/client";
import { batchKeys, useMistralBatch } from "@mistral-batch/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * `batch.jobs.retryFailed` as a mutation: one new job of the finished job's failed lines (the same one again if it
 * was already made). The lists are refetched, since they now hold one more job.
 */
export function useRetryFailed() {
  const client = useMistralBatch();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: BatchJob) => client.batch.jobs.retryFailed(job),
    onSuccess: (created) => {
      queryClient.setQueryData(batchKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: batchKeys.lists() });
    },
  });
}
