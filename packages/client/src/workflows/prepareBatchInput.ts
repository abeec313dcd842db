import { BatchValidationError } from "../errors.js";
import type { BatchRequest } from "../generated/types.gen.js";
import { parseJsonl } from "../jsonl/parseJsonl.js";
import { createBatchRequestChecker, validateBatchRequests } from "../jsonl/validateBatchRequests.js";
import type { UploadSource } from "../operations/uploadFile.js";
import { MAX_INLINE_REQUESTS } from "../types.js";

/** Inline requests above this JSON size (10 MiB) go in a file instead, keeping the create call small. */
export const MAX_INLINE_BYTES = 10_485_760; // A literal: bundlers keep an unused `10 * 1024 * 1024` in every bundle.

/** The requests `batch.run` takes: request objects, or a JSONL file as a Blob/File. */
export type BatchRunRequests = Iterable<BatchRequest> | AsyncIterable<BatchRequest> | Blob;

/**
 * How the requests will travel: inline on the create call, or as an uploaded
 * file; `invalid` tells, after the upload, whether a bad line stopped it.
 */
export type BatchInput = { requests: BatchRequest[] } | { file: UploadSource; invalid?: () => Error | undefined };

/**
 * Validates the requests and picks the transport. Arrays and Blobs are checked
 * whole before anything is sent. A one-shot iterable is read up to the inline
 * limit first (all checked), and the rest is checked as it streams into the
 * upload, which a bad line stops with a `BatchValidationError`.
 */
export async function prepareBatchInput(requests: BatchRunRequests): Promise<BatchInput> {
  if (requests instanceof Blob) {
    const count = await validateBatchRequests(requests);
    if (count > MAX_INLINE_REQUESTS || requests.size > MAX_INLINE_BYTES) return { file: requests };
    const parsed: BatchRequest[] = [];
    for await (const request of parseJsonl<BatchRequest>(requests)) parsed.push(request);
    return { requests: parsed };
  }
  const isArray = Array.isArray(requests);
  if (isArray) await validateBatchRequests(requests);
  const check = isArray ? () => undefined : createBatchRequestChecker();
  const iterator: Iterator<BatchRequest> | AsyncIterator<BatchRequest> =
    Symbol.asyncIterator in requests ? requests[Symbol.asyncIterator]() : requests[Symbol.iterator]();
  let lineNumber = 0;
  let invalid: BatchValidationError | undefined;
  const next = async () => {
    const item = await iterator.next();
    if (item.done) return undefined;
    lineNumber++;
    const problem = check(item.value);
    if (problem) {
      invalid = new BatchValidationError([{ lineNumber, message: problem }]);
      throw invalid;
    }
    return item;
  };
  const head: BatchRequest[] = [];
  let bytes = 0;
  while (head.length <= MAX_INLINE_REQUESTS && bytes <= MAX_INLINE_BYTES) {
    const item = await next();
    if (!item) return { requests: head };
    head.push(item.value);
    bytes += JSON.stringify(item.value).length;
  }
  return {
    file: (async function* () {
      yield* head;
      for (let item = await next(); item; item = await next()) yield item.value;
    })(),
    invalid: () => invalid,
  };
}
