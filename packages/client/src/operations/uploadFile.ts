import type { MistralBatchCore } from "../core.js";
import * as sdk from "../generated/sdk.gen.js";
import type { FileObject, FilePurpose, FileVisibility } from "../generated/types.gen.js";
import { assertOptionalInteger } from "../internal/validate.js";
import { toJsonl } from "../jsonl/toJsonl.js";
import { callOperation, type GeneratedCallOptions, type RequestOptions } from "../transport/callOperation.js";
import { streamMultipart } from "../transport/streamMultipart.js";

/**
 * What `files.upload` sends: a Blob/File or bytes (sent as standard FormData and
 * retried like any call), or a byte stream or an (async) iterable of request
 * objects written as JSONL (streamed, never held whole, and never retried: a
 * stream cannot be sent twice).
 */
export type UploadSource =
  | Blob
  | Uint8Array
  | ReadableStream<Uint8Array>
  | Iterable<Record<string, unknown>>
  | AsyncIterable<Record<string, unknown>>;

/**
 * The default deadline of an upload, which covers sending the whole file:
 * 15 minutes, enough for the API's 512 MB limit at about 0.6 MB/s.
 */
export const DEFAULT_UPLOAD_TIMEOUT_MS = 900_000; // A literal: bundlers keep an unused `15 * 60_000` in every bundle.

/** Parameters of `files.upload`. */
export interface UploadFileParams {
  file: UploadSource;
  /** Defaults to the File's name, else `batch.jsonl`. */
  filename?: string | undefined;
  /** Defaults to `batch`. */
  purpose?: FilePurpose | undefined;
  /** How long the API keeps the file (the API does not document the unit; the mock reads hours). */
  expiry?: number | null | undefined;
  /** `workspace` (the API's default) or `user`: only the uploader sees the file. */
  visibility?: FileVisibility | undefined;
  /**
   * Bytes of the file sent so far. A streamed source (a ReadableStream or an (async) iterable of requests) is
   * counted as fetch reads it, at most every 256 KiB and at its end; a Blob or bytes go out as FormData, which
   * fetch sends without telling, so they are reported once, when the upload is done.
   */
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/** Bytes of an upload sent so far, and the total when the source's size is known. */
export interface UploadProgress {
  loaded: number;
  total: number | undefined;
}

/** Progress is reported at most every this many bytes, so a large file does not call back thousands of times. */
const PROGRESS_STEP_BYTES = 262_144; // A literal: bundlers keep an unused `256 * 1024` in every bundle.

/**
 * Uploads a file, by default a JSONL file of batch requests (purpose `batch`).
 * Its deadline covers sending the whole file: `DEFAULT_UPLOAD_TIMEOUT_MS`
 * unless the call or the client asks for longer.
 *
 * @example
 * const file = await uploadFile(core, { file: requests }); // requests: an array or async iterable
 * await createBatchJob(core, { endpoint: "/v1/embeddings", model, input_files: [file.id] });
 */
export async function uploadFile(
  core: MistralBatchCore,
  params: UploadFileParams,
  callOptions: RequestOptions = {},
): Promise<FileObject> {
  const { file, purpose = "batch", expiry, visibility, onProgress } = params;
  if (expiry !== null) assertOptionalInteger("expiry", expiry, -Infinity);
  const options = {
    ...callOptions,
    timeoutMs: callOptions.timeoutMs ?? Math.max(core.timeoutMs, DEFAULT_UPLOAD_TIMEOUT_MS),
  };
  const filename = params.filename ?? (file instanceof File ? file.name : "batch.jsonl");
  if (file instanceof Blob || file instanceof Uint8Array) {
    const blob = new File([file as BlobPart], filename, { type: file instanceof Blob ? file.type : "" });
    const uploaded: FileObject = await callOperation(
      core,
      // A second upload after an ambiguous failure leaves at most an unused file: harmless, so retried.
      {
        name: "files.upload",
        idempotent: true,
        requiredFields: { id: "string" },
        send: (o) => sdk.uploadFile({ ...o, body: { file: blob, purpose, expiry, visibility } }),
      },
      options,
    );
    onProgress?.({ loaded: blob.size, total: blob.size });
    return uploaded;
  }
  const source = file instanceof ReadableStream ? file : toJsonl(file);
  const content = onProgress ? countBytes(source, onProgress) : source;
  const fields: Record<string, string> = { purpose };
  if (expiry != null) fields.expiry = String(expiry);
  if (visibility !== undefined) fields.visibility = visibility;
  const multipart = streamMultipart(fields, { field: "file", filename, contentType: "application/jsonl", content });
  const send = (o: GeneratedCallOptions) =>
    sdk.uploadFile({
      ...o,
      // Never to follow a redirect: fetch can't send a stream twice, and Node's (undici) tees the body of any
      // request that may follow one, holding every chunk sent until the upload ends: a 512 MB file in memory.
      fetch: (url, init) => o.fetch(url, { ...init, redirect: "error" }),
      body: multipart.body as unknown as { file: Blob },
      bodySerializer: null,
      headers: { ...o.headers, "Content-Type": multipart.contentType },
      // Required by fetch for a stream body; not yet in TypeScript's RequestInit.
      ...({ duplex: "half" } as object),
    });
  // No retries: a retry would need a copy of everything sent, i.e. the whole file in memory.
  return callOperation(
    core,
    { name: "files.upload", idempotent: false, requiredFields: { id: "string" }, send },
    { ...options, retries: { strategy: "none" } },
  );
}

/** Passes a byte stream on, counting what goes through. */
function countBytes(
  stream: ReadableStream<Uint8Array>,
  onProgress: (progress: UploadProgress) => void,
): ReadableStream<Uint8Array> {
  let loaded = 0;
  let reported = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        if (loaded - reported >= PROGRESS_STEP_BYTES) {
          reported = loaded;
          onProgress({ loaded, total: undefined });
        }
        controller.enqueue(chunk);
      },
      flush: () => onProgress({ loaded, total: loaded }),
    }),
  );
}
