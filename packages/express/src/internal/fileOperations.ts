import { Readable } from "node:stream";
import { createUploadBody } from "./createUploadBody.js";
import { type FileRecord, getAccessibleFile } from "./fileOwnership.js";
import { fileTag, tagFilename, untagFilename } from "./fileTag.js";
import { assertUuidParam } from "./jobOwnership.js";
import { jsonResponse } from "./jsonResponse.js";
import { multipartBoundary } from "./MultipartRewriter.js";
import type { OperationInput, ProxyContext } from "./ProxyContext.js";
import { errorBody, fileNotFound, ProxyError } from "./ProxyError.js";
import { assertDeclaredLength } from "./readBody.js";
import { upstreamJson, upstreamStream } from "./upstream.js";

/** Form fields passed on besides `file`; `visibility` and anything else are dropped. */
const UPLOAD_FIELDS: ReadonlySet<string> = new Set(["purpose", "expiry"]);

/** POST /v1/files: streams the multipart body upstream, the file renamed `<tag>.<name>` to record its uploader. */
export async function uploadFile(context: ProxyContext, input: OperationInput): Promise<Response> {
  const contentType = input.headers.get("content-type");
  const boundary = multipartBoundary(contentType);
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) {
    throw new ProxyError(415, errorBody("Expected Content-Type: multipart/form-data", "unsupported_media_type"));
  }
  if (!boundary)
    throw new ProxyError(400, errorBody("The multipart boundary is missing or invalid", "invalid_request_error"));
  assertDeclaredLength(input.headers, context.limits.upload);
  const raw = input.body();
  if (!raw) throw new ProxyError(400, errorBody("The request has no body", "invalid_request_error"));
  const tag = fileTag(context.tagSecret, input.userId);
  const upload = createUploadBody(raw, context.limits.upload, {
    boundary,
    renameFile: (name) => tagFilename(tag, name),
    keepFields: UPLOAD_FIELDS,
  });
  const file = await upstreamJson(context.upstream, {
    method: "POST",
    path: "/v1/files",
    stream: { ...upload, contentType: `multipart/form-data; boundary=${boundary}` },
    signal: input.signal,
  });
  return fileResponse(context, input.userId, file as FileRecord);
}

/** GET /v1/files/:file_id: the caller's uploads and their jobs' files only. */
export async function retrieveFile(context: ProxyContext, input: OperationInput): Promise<Response> {
  const fileId = assertUuidParam("file_id", input.id);
  return fileResponse(context, input.userId, await getAccessibleFile(context, input.userId, fileId, input.signal));
}

/** DELETE /v1/files/:file_id: the caller's uploads and their jobs' files only. */
export async function deleteFile(context: ProxyContext, input: OperationInput): Promise<Response> {
  const fileId = assertUuidParam("file_id", input.id);
  await getAccessibleFile(context, input.userId, fileId, input.signal);
  const result = await upstreamJson(context.upstream, {
    method: "DELETE",
    path: `/v1/files/${fileId}`,
    signal: input.signal,
    notFound: () => fileNotFound(fileId),
  });
  return jsonResponse(200, result, context.upstream.apiKey);
}

/** GET /v1/files/:file_id/content: streams the bytes back, named without the owner tag. */
export async function downloadFile(context: ProxyContext, input: OperationInput): Promise<Response> {
  const fileId = assertUuidParam("file_id", input.id);
  const file = await getAccessibleFile(context, input.userId, fileId, input.signal);
  const upstream = await upstreamStream(context.upstream, {
    method: "GET",
    path: `/v1/files/${fileId}/content`,
    signal: input.signal,
    notFound: () => fileNotFound(fileId),
  });
  const headers = new Headers({
    "content-type": "application/octet-stream",
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  const length = upstream.headers["content-length"];
  if (length && /^\d+$/.test(length)) headers.set("content-length", length);
  const name =
    typeof file.filename === "string" ? untagFilename(fileTag(context.tagSecret, input.userId), file.filename) : "";
  if (name) headers.set("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return new Response(Readable.toWeb(upstream) as ReadableStream<Uint8Array>, { status: 200, headers });
}

function fileResponse(context: ProxyContext, userId: string, file: FileRecord): Response {
  const tag = fileTag(context.tagSecret, userId);
  const shown = typeof file.filename === "string" ? { ...file, filename: untagFilename(tag, file.filename) } : file;
  return jsonResponse(200, shown, context.upstream.apiKey);
}
