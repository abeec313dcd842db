import { readFileListQuery, readSignedUrlQuery } from "@mistral-batch/client/contract";
import { createUploadBody } from "../body/createUploadBody.js";
import { multipartBoundary } from "../body/MultipartRewriter.js";
import { assertDeclaredLength } from "../body/readBody.js";
import { fileNotFound, invalidMultipart, invalidRequest, missingBody, unsupportedMediaType } from "../core/errors.js";
import { jsonAnswer, type ProxyAnswer, streamAnswer } from "../core/ProxyAnswer.js";
import type { OperationInput, ProxyContext } from "../core/ProxyContext.js";
import { redactText } from "../core/redact.js";
import { toWellFormed } from "../core/wellFormed.js";
import { type FileRecord, getAccessibleFile } from "../ownership/fileOwnership.js";
import { tagFilename, untagFilename } from "../ownership/fileTag.js";
import { assertUuidParam } from "../ownership/jobOwnership.js";
import { listOwnedFiles } from "../ownership/listOwnedFiles.js";
import { upstreamJson, upstreamStream } from "../upstream/upstream.js";

/**
 * Form fields passed on besides `file`; anything else is dropped. `visibility` goes as the caller gives it:
 * every user of the proxy reaches the API with its one key, so the API's `user` visibility cannot keep them
 * apart, and nothing here rests on it (the proxy's own checks decide who reads a file).
 */
const UPLOAD_FIELDS: ReadonlySet<string> = new Set(["purpose", "expiry", "visibility"]);

/** POST /v1/files: streams the multipart body upstream, the file renamed `<tag>.<name>` to record its uploader. */
export async function uploadFile(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const contentType = input.headers.get("content-type");
  const boundary = multipartBoundary(contentType);
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) {
    throw unsupportedMediaType("multipart/form-data");
  }
  if (!boundary) throw invalidMultipart("The multipart boundary is missing or invalid");
  assertDeclaredLength(input.headers, context.limits.upload);
  const raw = input.body();
  if (!raw) throw missingBody();
  const tag = await context.tagOf(input.userId);
  const upload = createUploadBody(raw, context.limits.upload, {
    boundary,
    renameFile: (name) => tagFilename(tag, name),
    keepFields: UPLOAD_FIELDS,
  });
  const file = await upstreamJson(context.upstream, {
    method: "POST",
    path: "/v1/files",
    stream: { ...upload, contentType: `multipart/form-data; boundary=${boundary}` },
    onGone: input.onGone,
  });
  return fileAnswer(context, input.userId, file as FileRecord);
}

/** GET /v1/files: the files the caller uploaded through the proxy, with `total` counting only theirs. */
export async function listFiles(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const { query, issues } = readFileListQuery(input.query);
  if (issues.length > 0) throw invalidRequest(issues);
  const tag = await context.tagOf(input.userId);
  const { data, total } = await listOwnedFiles(context, { query, tag, onGone: input.onGone });
  const page = query.include_total === false ? { data, object: "list" } : { data, object: "list", total };
  return jsonAnswer(200, page, context.upstream.apiKey);
}

/**
 * GET /v1/files/:file_id/url?expiry=H: a signed download URL, for the files the caller may read. The URL is a
 * bearer capability on the API's own host: whoever holds it downloads the file until it expires, without the proxy.
 */
export async function getSignedUrl(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const fileId = assertUuidParam("file_id", input.id);
  const { query, issues } = readSignedUrlQuery(input.query);
  if (issues.length > 0) throw invalidRequest(issues);
  await getAccessibleFile(context, input.userId, fileId, input.onGone);
  const signed = await upstreamJson(context.upstream, {
    method: "GET",
    path: `/v1/files/${fileId}/url`,
    query: new URLSearchParams({ expiry: String(query.expiry) }),
    onGone: input.onGone,
    notFound: () => fileNotFound(fileId),
  });
  return jsonAnswer(200, signed, context.upstream.apiKey);
}

/** GET /v1/files/:file_id: the caller's uploads and their jobs' files only. */
export async function retrieveFile(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const fileId = assertUuidParam("file_id", input.id);
  return fileAnswer(context, input.userId, await getAccessibleFile(context, input.userId, fileId, input.onGone));
}

/** DELETE /v1/files/:file_id: the caller's uploads and their jobs' files only. */
export async function deleteFile(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const fileId = assertUuidParam("file_id", input.id);
  await getAccessibleFile(context, input.userId, fileId, input.onGone);
  const result = await upstreamJson(context.upstream, {
    method: "DELETE",
    path: `/v1/files/${fileId}`,
    onGone: input.onGone,
    notFound: () => fileNotFound(fileId),
  });
  return jsonAnswer(200, result, context.upstream.apiKey);
}

/** GET /v1/files/:file_id/content: streams the bytes back, named without the owner tag. */
export async function downloadFile(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const fileId = assertUuidParam("file_id", input.id);
  const file = await getAccessibleFile(context, input.userId, fileId, input.onGone);
  const upstream = await upstreamStream(context.upstream, {
    method: "GET",
    path: `/v1/files/${fileId}/content`,
    onGone: input.onGone,
    notFound: () => fileNotFound(fileId),
  });
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  const length = upstream.header("content-length");
  if (length && /^\d+$/.test(length)) headers["content-length"] = length;
  const name = typeof file.filename === "string" ? untagFilename(await context.tagOf(input.userId), file.filename) : "";
  // Redacted as a parameter, before encoding: the encoded name would hide a key with characters to escape.
  if (name) headers["content-disposition"] = attachment(redactText(name, context.upstream.apiKey));
  return streamAnswer(headers, upstream.body, context.upstream.apiKey);
}

/** `attachment` named as RFC 8187 says: UTF-8, lone surrogates as U+FFFD, every byte outside attr-char escaped. */
function attachment(filename: string): string {
  const escaped = encodeURIComponent(toWellFormed(filename)).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${escaped}`;
}

async function fileAnswer(context: ProxyContext, userId: string, file: FileRecord): Promise<ProxyAnswer> {
  const tag = await context.tagOf(userId);
  const shown = typeof file.filename === "string" ? { ...file, filename: untagFilename(tag, file.filename) } : file;
  return jsonAnswer(200, shown, context.upstream.apiKey);
}
