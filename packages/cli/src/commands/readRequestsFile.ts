import { createHash } from "node:crypto";
import { openAsBlob } from "node:fs";
import { type BatchRequest, BatchValidationError, parseJsonl, validateBatchRequests } from "@mistral-batch/client";
import { CliError } from "../exitCodes.js";

/** A requests file, checked whole: what `run` sends, and a digest of its bytes. */
export interface RequestsFile {
  lines: number;
  /** SHA-256 of the file's bytes, hex. */
  digest: string;
  /** Its requests, read from disk again as the run needs them. */
  requests(): AsyncIterable<BatchRequest>;
}

/**
 * Reads a JSONL file of requests twice before anything is sent: once for its digest, once to check every line (JSON,
 * an object `body`, a `custom_id` present and unique in the whole file). Bad lines are written to `report` as
 * `FILE:LINE: message`, all of them up to the client's cap, and the command ends with exit code 1.
 */
export async function readRequestsFile(path: string, report: (line: string) => void): Promise<RequestsFile> {
  const blob = await openAsBlob(path);
  const hash = createHash("sha256");
  for await (const chunk of blob.stream()) hash.update(chunk);
  let lines: number;
  try {
    lines = await validateBatchRequests(blob);
  } catch (error) {
    if (!(error instanceof BatchValidationError)) throw error;
    for (const issue of error.issues) report(`${path}:${issue.lineNumber}: ${issue.message}`);
    const count = error.issues.length;
    throw new CliError(
      `${path}: ${count} bad line${count === 1 ? "" : "s"}${count >= 100 ? " or more" : ""}, nothing was sent`,
    );
  }
  if (lines === 0) throw new CliError(`${path} holds no requests`);
  return { lines, digest: hash.digest("hex"), requests: () => parseJsonl<BatchRequest>(blob) };
}
