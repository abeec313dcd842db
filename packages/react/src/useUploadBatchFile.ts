import type { FileObject, UploadFileParams, UploadProgress } from "@mistral-batch/client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useMistralBatch } from "./MistralBatchProvider.js";

/**
 * Uploads a file (by default a JSONL file of batch requests), with `progress`
 * as the client's upload reports it (see `UploadFileParams.onProgress`):
 * counted as it goes for streamed sources, once at the end for a Blob or File.
 */
export function useUploadBatchFile() {
  const client = useMistralBatch();
  const [progress, setProgress] = useState<UploadProgress | undefined>(undefined);
  const mutation = useMutation<FileObject, Error, UploadFileParams>({
    mutationFn: (params) => {
      setProgress(undefined);
      return client.files.upload({ ...params, onProgress: setProgress });
    },
  });
  return { ...mutation, progress };
}
