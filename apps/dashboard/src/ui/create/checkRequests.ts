import { type BatchRequestIssue, BatchValidationError, validateBatchRequests } from "@mistral-batch/client";
import { errorMessage } from "../common/format.js";

/** What the browser found in a JSONL file or the inline requests, before anything is sent. */
export type RequestCheck =
  | { state: "empty" }
  | { state: "checking" }
  | { state: "valid"; count: number }
  | { state: "invalid"; issues: BatchRequestIssue[] }
  | { state: "unreadable"; message: string };

/**
 * Reads JSONL (a chosen file, or the inline text as a Blob) line by line with the
 * client's `validateBatchRequests`: bad JSON, a missing body, a missing or
 * duplicate custom_id are reported with their line numbers.
 */
export async function checkRequests(jsonl: Blob, maxRequests = Number.POSITIVE_INFINITY): Promise<RequestCheck> {
  try {
    const count = await validateBatchRequests(jsonl);
    if (count === 0) return { state: "empty" };
    if (count > maxRequests) {
      return { state: "unreadable", message: `${count} requests: at most ${maxRequests} may be sent inline` };
    }
    return { state: "valid", count };
  } catch (error) {
    if (error instanceof BatchValidationError) return { state: "invalid", issues: error.issues };
    return { state: "unreadable", message: errorMessage(error) };
  }
}
