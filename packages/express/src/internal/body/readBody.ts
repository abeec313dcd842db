import { jsonTextNestsDeeperThan, MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import {
  clientClosedRequest,
  invalidJson,
  jsonTooDeep,
  payloadTooLarge,
  unsupportedMediaType,
} from "../core/errors.js";
import type { HeaderReader } from "../core/ProxyContext.js";

/** Throws 413 at once when the declared Content-Length is already over the limit. */
export function assertDeclaredLength(headers: HeaderReader, limit: number): void {
  const declared = Number(headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
}

/** Reads a whole body, at most `limit` bytes: a small JSON body that must be validated before it is sent on. */
export async function readBody(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await readChunk(reader);
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The next chunk of a request body: a body that breaks off means the caller went away (499), not a fault of ours. */
async function readChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch {
    throw clientClosedRequest();
  }
}

/** Parses a JSON request body after checking its content type (415) and size (413). */
export async function readJsonBody(
  headers: HeaderReader,
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<unknown> {
  if (!isJsonContentType(headers.get("content-type"))) {
    throw unsupportedMediaType("application/json");
  }
  assertDeclaredLength(headers, limit);
  const bytes = await readBody(stream, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidJson();
  }
  if (jsonTextNestsDeeperThan(text, MAX_JSON_DEPTH)) throw jsonTooDeep(MAX_JSON_DEPTH);
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || (type?.startsWith("application/") === true && type.endsWith("+json"));
}
