import { type FileObject, toJsonl, type UploadFileParams } from "@mistral-batch/client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useMistralBatch } from "./MistralBatchProvider.js";

/** Bytes sent so far, and the total when the source's size is known. */
export interface UploadProgress {
  loaded: number;
  total: number | undefined;
}

/** Report progress at most every this many bytes, so a large file does not re-render thousands of times. */
const PROGRESS_STEP_BYTES = 256 * 1024;

/** Wraps a byte stream so that every chunk it hands on is counted. */
function countBytes(stream: ReadableStream<Uint8Array>, onBytes: (loaded: number) => void) {
  let loaded = 0;
  let reported = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        if (loaded - reported >= PROGRESS_STEP_BYTES) {
          reported = loaded;
          onBytes(loaded);
        }
        controller.enqueue(chunk);
      },
      flush: () => onBytes(loaded),
    }),
  );
}

/**
 * Uploads a file (by default a JSONL file of batch requests). `progress` counts
 * the bytes sent where the platform allows: for streamed sources (a
 * ReadableStream, or an (async) iterable of requests), whose bytes pass through
 * the client as fetch reads them. A Blob or File goes out as standard FormData,
 * which fetch sends without reporting progress: `progress` then stays undefined
 * until the upload ends.
 */
export function useUploadBatchFile() {
  const client = useMistralBatch();
  const [progress, setProgress] = useState<UploadProgress | undefined>(undefined);
  const mutation = useMutation<FileObject, Error, UploadFileParams>({
    mutationFn: async (params) => {
      setProgress(undefined);
      const { file } = params;
      if (file instanceof Blob || file instanceof Uint8Array) return client.files.upload(params);
      const bytes = file instanceof ReadableStream ? file : toJsonl(file);
      return client.files.upload({
        ...params,
        file: countBytes(bytes, (loaded) => setProgress({ loaded, total: undefined })),
      });
    },
  });
  return { ...mutation, progress };
}
