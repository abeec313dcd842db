import { type BatchJob, type BatchResult, isTerminalStatus } from "@mistral-batch/client";
import { experimental_streamedQuery as streamedQuery, useQuery } from "@tanstack/react-query";
import { batchKeys } from "./batchKeys.js";
import { useMistralBatch } from "./MistralBatchProvider.js";

/** Options of `useBatchResults`. */
export interface UseBatchResultsOptions {
  /** Rows per page: reading stops once a page is full. Default 1000. */
  pageSize?: number | undefined;
  /** Which page, from 0: the rows before it are read and skipped. Default 0. */
  page?: number | undefined;
  /** False to wait before reading. Default: true once the job is terminal. */
  enabled?: boolean | undefined;
}

/** One page of results as it fills. */
export interface BatchResultsPage<TBody = unknown> {
  rows: BatchResult<TBody>[];
  /** True when results exist past this page. */
  hasMore: boolean;
}

/** Rows are handed to React in groups, so a large page renders a few dozen times, not thousands. */
const ROWS_PER_UPDATE = 100;

/**
 * Streams the results of a finished job into the page: rows appear as they are
 * parsed, in the order they arrive, up to `pageSize`; later pages skip what
 * comes before them. Unmounting stops the download.
 */
export function useBatchResults<TBody = unknown>(job: BatchJob | undefined, options: UseBatchResultsOptions = {}) {
  const client = useMistralBatch();
  const { pageSize = 1000, page = 0 } = options;
  const query = useQuery({
    queryKey: [...batchKeys.results(job?.id ?? ""), { page, pageSize }],
    enabled: (options.enabled ?? true) && job !== undefined && isTerminalStatus(job.status),
    staleTime: Number.POSITIVE_INFINITY,
    // Rows only grow: comparing every row with the previous page on each update would cost O(rows²).
    structuralSharing: false,
    queryFn: streamedQuery<BatchResultsPage<TBody>, BatchResultsPage<TBody>>({
      streamFn: ({ signal }) =>
        readPage<TBody>(client.batch.jobs.results<TBody>(job as BatchJob, { signal }), page, pageSize),
      reducer: (shown, chunk) => ({ rows: shown.rows.concat(chunk.rows), hasMore: chunk.hasMore }),
      initialValue: { rows: [], hasMore: false },
    }),
  });
  return {
    ...query,
    rows: query.data?.rows ?? [],
    hasMore: query.data?.hasMore ?? false,
    isStreaming: query.fetchStatus === "fetching",
  };
}

async function* readPage<TBody>(
  results: AsyncIterable<BatchResult<TBody>>,
  page: number,
  pageSize: number,
): AsyncGenerator<BatchResultsPage<TBody>> {
  const first = page * pageSize;
  let index = 0;
  let group: BatchResult<TBody>[] = [];
  for await (const result of results) {
    if (index >= first + pageSize) {
      yield { rows: group, hasMore: true };
      return;
    }
    if (index++ < first) continue;
    group.push(result);
    if (group.length === ROWS_PER_UPDATE) {
      yield { rows: group, hasMore: false };
      group = [];
      // A fast stream resolves on microtasks alone: let the browser paint (and React render) between groups.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  yield { rows: group, hasMore: false };
}
