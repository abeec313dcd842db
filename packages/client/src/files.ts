import type { MistralBatchCore } from "./core.js";
import * as sdk from "./generated/sdk.gen.js";
import type { DeleteFileResponse, RetrievedFile } from "./generated/types.gen.js";
import { callOperation, type RequestOptions, toMistralBatchError } from "./internal/callOperation.js";
import { mapStreamErrors } from "./internal/mapStreamErrors.js";
import { assertUuid } from "./internal/validate.js";

/** Parameters of `files.retrieve`, `files.delete` and `files.download`. */
export interface FileIdParams {
  file_id: string;
}

/** Reads a file's description: name, size, purpose, line count. */
export async function retrieveFile(
  core: MistralBatchCore,
  params: FileIdParams,
  options?: RequestOptions,
): Promise<RetrievedFile> {
  assertUuid("file_id", params?.file_id);
  return callOperation(
    core,
    {
      name: "files.retrieve",
      idempotent: true,
      requiredFields: { id: "string" },
      send: (o) => sdk.retrieveFile({ ...o, path: params }),
    },
    options,
  );
}

/** Deletes a file. */
export async function deleteFile(
  core: MistralBatchCore,
  params: FileIdParams,
  options?: RequestOptions,
): Promise<DeleteFileResponse> {
  assertUuid("file_id", params?.file_id);
  return callOperation(
    core,
    {
      name: "files.delete",
      idempotent: true,
      requiredFields: { deleted: "boolean" },
      send: (o) => sdk.deleteFile({ ...o, path: params }),
    },
    options,
  );
}

/**
 * Downloads a file's content as a byte stream, read as it arrives. The call's
 * `timeoutMs` covers the wait for the response, not the reading of the body;
 * the `signal` stops both. A body that cannot be read to its end errors the
 * stream with a `ConnectionError` (or `RequestAbortedError` on `signal`), its cause attached.
 *
 * @example
 * for await (const line of parseJsonl(await downloadFile(core, { file_id }))) console.log(line);
 */
export async function downloadFile(
  core: MistralBatchCore,
  params: FileIdParams,
  options?: RequestOptions,
): Promise<ReadableStream<Uint8Array>> {
  assertUuid("file_id", params?.file_id);
  const body = await callOperation<ReadableStream<Uint8Array> | null>(
    core,
    {
      name: "files.download",
      idempotent: true,
      parseAs: "stream",
      send: (o) => sdk.downloadFile({ ...o, path: params }) as Promise<{ data?: ReadableStream<Uint8Array> | null }>,
    },
    options,
  );
  return mapStreamErrors(body ?? new Blob([]).stream(), (failure) =>
    toMistralBatchError("files.download", failure, options?.signal),
  );
}
