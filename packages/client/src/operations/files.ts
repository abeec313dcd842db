import type { MistralBatchCore } from "../core.js";
import type { GetSignedUrlParams, ListFilesParams } from "../fileTypes.js";
import { SIGNED_URL_EXPIRY_HOURS } from "../fileTypes.js";
import * as sdk from "../generated/sdk.gen.js";
import type {
  DeleteFileResponse,
  GetSignedUrlResponse,
  ListFilesResponse,
  RetrievedFile,
} from "../generated/types.gen.js";
import { assertOptionalInteger, assertPaging, assertUuid } from "../internal/validate.js";
import { callOperation, type RequestOptions, toMistralBatchError } from "../transport/callOperation.js";
import { mapStreamErrors } from "../transport/mapStreamErrors.js";

/** Parameters of `files.retrieve`, `files.delete` and `files.download`. */
export interface FileIdParams {
  file_id: string;
}

/**
 * Lists the organization's files a page at a time (`page` from 0, `page_size` 100 by default), filtered by
 * `purpose`, `sample_type`, `source`, `mimetypes` and a `search` text; `total` counts every match unless
 * `include_total` is false.
 *
 * @example
 * const { data } = await listFiles(core, { purpose: "batch", sample_type: ["batch_result"], search: "nightly" });
 */
export async function listFiles(
  core: MistralBatchCore,
  params: ListFilesParams = {},
  options?: RequestOptions,
): Promise<ListFilesResponse> {
  assertPaging(params);
  return callOperation(
    core,
    {
      name: "files.list",
      idempotent: true,
      requiredFields: { data: "array", object: "string" },
      send: (o) => sdk.listFiles({ ...o, query: params }),
    },
    options,
  );
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

/**
 * A URL that downloads the file without the API key until it expires, `expiry` hours from now (1 to 168, 24 by
 * default): hand it to a browser or another service instead of the key.
 *
 * @example
 * const { url } = await getFileSignedUrl(core, { file_id: job.output_file, expiry: 1 });
 */
export async function getFileSignedUrl(
  core: MistralBatchCore,
  params: GetSignedUrlParams,
  options?: RequestOptions,
): Promise<GetSignedUrlResponse> {
  assertUuid("file_id", params?.file_id);
  const { file_id, expiry } = params;
  assertOptionalInteger("expiry", expiry, SIGNED_URL_EXPIRY_HOURS.min, SIGNED_URL_EXPIRY_HOURS.max);
  return callOperation(
    core,
    {
      name: "files.getSignedUrl",
      idempotent: true,
      requiredFields: { url: "string" },
      send: (o) =>
        sdk.getFileSignedUrl({ ...o, path: { file_id }, query: expiry === undefined ? undefined : { expiry } }),
    },
    options,
  );
}
