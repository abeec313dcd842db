import type { ApiEndpoint, BatchJob, BatchRequest } from "@mistral-batch/client";
import { useCreateBatchJob, useUploadBatchFile } from "@mistral-batch/react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

/** A job as the form describes it: a file to upload, or inline JSONL text already checked. */
export interface NewJob {
  endpoint: ApiEndpoint;
  model: string;
  metadata: Record<string, string>;
  timeout_hours: number;
  file?: File;
  requests?: string;
}

/**
 * Uploads the file (when there is one) with `useUploadBatchFile`, then creates
 * the job with `useCreateBatchJob`, so the job lands in the caches every page
 * reads. `step` says which of the two is under way.
 */
export function useSubmitJob() {
  const upload = useUploadBatchFile();
  const create = useCreateBatchJob();
  const [step, setStep] = useState<"upload" | "create">("create");
  const mutation = useMutation<BatchJob, Error, NewJob>({
    mutationFn: async ({ file, requests, model, ...job }) => {
      let input_files: string[] | undefined;
      if (file) {
        setStep("upload");
        input_files = [(await upload.mutateAsync({ file })).id];
      }
      setStep("create");
      return create.mutateAsync({
        ...job,
        ...(model && { model }),
        ...(input_files ? { input_files } : { requests: requests ? parseLines(requests) : [] }),
      });
    },
  });
  return { ...mutation, step };
}

function parseLines(jsonl: string): BatchRequest[] {
  return jsonl
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as BatchRequest);
}
