import { type BatchJob, type BatchResult, isTerminalStatus } from "@mistral-batch/client";
import { useMistralBatch } from "@mistral-batch/react";
import { useEffect, useState } from "react";

/** Results read so far, and whether the reading is over. */
export interface StreamedResults {
  rows: BatchResult[];
  done: boolean;
  /** True when reading stopped at `MAX_RESULTS`: the files hold more. */
  capped: boolean;
  error: unknown;
}

/** The most results held in the page; the files themselves can be downloaded whole. */
export const MAX_RESULTS = 10_000;

const EMPTY: StreamedResults = { rows: [], done: false, capped: false, error: null };

/**
 * Reads a finished job's results with `batch.jobs.results`, adding rows as
 * they are parsed (batched per animation frame), up to `MAX_RESULTS`; stops
 * reading on unmount.
 */
export function useStreamedResults(job: BatchJob): StreamedResults {
  const client = useMistralBatch();
  const [state, setState] = useState<StreamedResults>(EMPTY);
  const ready = isTerminalStatus(job.status);
  const { id, output_file, error_file } = job;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reread only when the job's files change, not on each poll
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    const rows: BatchResult[] = [];
    setState(EMPTY);
    let frame = 0;
    const flush = () => {
      frame = 0;
      setState((previous) => ({ ...previous, rows: rows.slice() }));
    };
    const finish = (capped: boolean, error: unknown) => {
      cancelAnimationFrame(frame);
      if (!controller.signal.aborted) setState({ rows: rows.slice(), done: true, capped, error });
    };
    void (async () => {
      try {
        for await (const result of client.batch.jobs.results(job, { signal: controller.signal })) {
          if (rows.length === MAX_RESULTS) {
            // Leaving the loop cancels the download.
            finish(true, null);
            return;
          }
          rows.push(result);
          frame ||= requestAnimationFrame(flush);
        }
        finish(false, null);
      } catch (error) {
        finish(false, error);
      }
    })();
    return () => {
      controller.abort();
      cancelAnimationFrame(frame);
    };
  }, [client, ready, id, output_file, error_file]);
  return state;
}
