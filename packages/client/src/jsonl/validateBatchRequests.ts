import { type BatchRequestIssue, BatchValidationError } from "../errors.js";
import { parseJsonl } from "./parseJsonl.js";
import type { JsonlSource } from "./readChunks.js";

/** At most this many issues are kept: enough to fix a file, bounded for a file that is all wrong. */
export const MAX_REPORTED_ISSUES = 100;

/**
 * Checks one request at a time, remembering custom_ids to catch duplicates.
 * Returns what is wrong with the request, or undefined when it is fine.
 */
export type BatchRequestChecker = (request: unknown) => string | undefined;

/** Builds a checker for one batch: each line needs an object `body` and a unique, non-empty `custom_id`. */
export function createBatchRequestChecker(): BatchRequestChecker {
  const seen = new Set<string>();
  return (request) => {
    if (!isObject(request)) return "expected an object with custom_id and body";
    if (!isObject(request.body)) return "body must be an object";
    const id = request.custom_id;
    if (typeof id !== "string" || id === "") return "custom_id must be a non-empty string";
    if (seen.has(id)) return `custom_id ${JSON.stringify(id)} is used by an earlier line`;
    seen.add(id);
    return undefined;
  };
}

/**
 * Checks batch requests before anything is uploaded: every line must be valid
 * JSON (for byte sources), an object with an object `body`, and a `custom_id`
 * that is present and unique. Resolves to the number of requests; rejects with
 * a `BatchValidationError` whose `issues` name the bad lines (1-based).
 *
 * @param requests Request objects (array or (async) iterable), or a JSONL file
 *   as a `Blob`/`File` or `ReadableStream` of bytes.
 *
 * @example
 * const count = await validateBatchRequests(new File([jsonl], "batch.jsonl"));
 */
export async function validateBatchRequests(
  requests: Iterable<unknown> | AsyncIterable<unknown> | Blob | ReadableStream<Uint8Array>,
): Promise<number> {
  const isBytes = requests instanceof ReadableStream || requests instanceof Blob;
  const parsed = isBytes ? parseJsonl(requests as JsonlSource, { lenient: true }) : undefined;
  const check = createBatchRequestChecker();
  const issues: BatchRequestIssue[] = [];
  let count = 0;
  for await (const request of parsed ?? (requests as AsyncIterable<unknown>)) {
    count++;
    const problem = check(request);
    if (problem && issues.length < MAX_REPORTED_ISSUES) {
      issues.push({ lineNumber: parsed ? parsed.lineNumber : count, message: problem });
    }
  }
  for (const error of parsed?.errors.slice(0, MAX_REPORTED_ISSUES) ?? []) {
    issues.push({ lineNumber: error.lineNumber, message: `not valid JSON (${(error.cause as Error).message})` });
  }
  if (issues.length > 0) {
    throw new BatchValidationError(issues.sort((a, b) => a.lineNumber - b.lineNumber).slice(0, MAX_REPORTED_ISSUES));
  }
  return count;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
