import type { MistralBatchCore } from "../core.js";
import { listBatchJobs } from "../operations/batchJobs.js";
import type { RequestOptions } from "../transport/callOperation.js";
import type { BatchJob, ListBatchJobsParams } from "../types.js";

/** Parameters of `batch.jobs.iterate`: those of `list`, without `page`. */
export type IterateBatchJobsParams = Omit<ListBatchJobsParams, "page">;

/** The API's default page size. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * Yields every job matching `params`, fetching page after page. Each job comes
 * once: a job created during the iteration shifts the pages, so ids already
 * seen are skipped, and the iteration ends once the `total` announced by the
 * first page has been yielded (or a page comes back short), so new jobs cannot
 * keep it going for ever.
 *
 * @example
 * for await (const job of iterateBatchJobs(core, { status: ["RUNNING"] })) console.log(job.id);
 */
export async function* iterateBatchJobs(
  core: MistralBatchCore,
  params: IterateBatchJobsParams = {},
  options?: RequestOptions,
): AsyncGenerator<BatchJob, void, undefined> {
  const pageSize = params.page_size ?? DEFAULT_PAGE_SIZE;
  const seen = new Set<string>();
  let total: number | undefined;
  for (let page = 0; ; page++) {
    const { data = [], total: pageTotal } = await listBatchJobs(
      core,
      { ...params, page, page_size: pageSize },
      options,
    );
    total ??= pageTotal;
    for (const job of data) {
      if (seen.size >= total) return;
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      yield job;
    }
    if (seen.size >= total || data.length < pageSize) return;
  }
}
