import type { MistralBatchCore } from "../../core.js";
import type { BatchRequest } from "../../generated/types.gen.js";
import { parseJsonl } from "../../jsonl/parseJsonl.js";
import { toJsonl } from "../../jsonl/toJsonl.js";
import { downloadFile } from "../../operations/files.js";
import type { RequestOptions } from "../../transport/callOperation.js";

/** The requests of input files, read line by line as they download. */
export async function* readInputFiles(
  core: MistralBatchCore,
  fileIds: readonly string[],
  options?: RequestOptions,
): AsyncGenerator<BatchRequest> {
  for (const file_id of fileIds) {
    yield* parseJsonl<BatchRequest>(await downloadFile(core, { file_id }, options));
  }
}

/** The requests among `requests` whose custom_id is in `ids`, as JSONL bytes for an upload. */
export function selectedRequests(
  requests: AsyncIterable<BatchRequest> | Iterable<BatchRequest>,
  ids: ReadonlySet<string>,
): ReadableStream<Uint8Array> {
  return toJsonl(
    (async function* () {
      for await (const request of requests) if (ids.has(request.custom_id as string)) yield request;
    })(),
  );
}
