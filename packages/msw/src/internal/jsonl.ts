import { MAX_JSON_DEPTH, nestsDeeperThan } from "@mistral-batch/client/contract";
import { SimulatedApiError } from "../SimulatedApiError.js";

const NEWLINE = 10;
const decoder = new TextDecoder();

/** Yields the non-blank lines of UTF-8 JSONL bytes, one decoded string at a time, without copying the whole text. */
export function* jsonlLines(bytes: Uint8Array): Generator<string> {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const line = decoder.decode(bytes.subarray(start, end)).trim();
    if (line) yield line;
    start = end + 1;
  }
}

/** Counts the non-blank lines of JSONL bytes. */
export function countJsonlLines(bytes: Uint8Array): number {
  let count = 0;
  for (const _ of jsonlLines(bytes)) count++;
  return count;
}

/** One batch request: its id and the endpoint's request body. */
export interface BatchEntry {
  customId: string;
  body: Record<string, unknown>;
  /** The request as text, the seed of its deterministic result. */
  text: string;
}

/** Reads one input line; `index` is its 0-based position, used when it has no custom_id. */
export function parseEntry(line: string, index: number): BatchEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) return `nested deeper than ${MAX_JSON_DEPTH} levels`;
  const { custom_id, body } = value as { custom_id?: unknown; body?: unknown };
  if (typeof body !== "object" || body === null || Array.isArray(body)) return 'no "body" object';
  if (custom_id != null && typeof custom_id !== "string" && typeof custom_id !== "number") {
    return '"custom_id" is not a string';
  }
  return {
    customId: custom_id == null ? String(index) : String(custom_id),
    body: body as Record<string, unknown>,
    text: line,
  };
}

/** Checks every line of a batch input file; throws the API's 400 at the first bad one. Returns the line count. */
export function validateBatchInput(fileId: string, bytes: Uint8Array): number {
  let index = 0;
  for (const line of jsonlLines(bytes)) {
    const entry = parseEntry(line, index);
    if (typeof entry === "string") {
      throw SimulatedApiError.api(
        400,
        `Input file ${fileId} has an invalid request on line ${index + 1}: ${entry}.`,
        "invalid_batch_input",
      );
    }
    index++;
  }
  if (index === 0) throw SimulatedApiError.api(400, `Input file ${fileId} holds no request.`, "invalid_batch_input");
  return index;
}
