import type { BatchJob, BatchJobStatus } from "../../types.js";
import type { RunPart } from "./RunStore.js";
import { isSuccessfulResult, type RunResult } from "./runResults.js";

/** Where a run stands, as `onProgress` reports it: totals across its jobs. */
export interface RunProgress {
  runId: string;
  /** Requests read from the input so far; final once `inputDone`. */
  total: number;
  inputDone: boolean;
  /** Requests sent in jobs, retries included. */
  submitted: number;
  /** Requests with a final outcome, and how they ended. */
  completed: number;
  succeeded: number;
  failed: number;
  /** Requests sent again after a retryable failure. */
  retried: number;
  /** Requests in jobs that have not ended. */
  pending: number;
  /** The run's jobs by status. */
  jobs: Partial<Record<BatchJobStatus, number>>;
  /** Requests processed per second since this process took the run over. */
  requestsPerSecond: number;
  /** Milliseconds until every request is done at that pace; undefined until the input is read and work is seen. */
  etaMs: number | undefined;
}

/** Counts what a drive does and reports it through `onProgress` when it changes. */
export function createRunTally(runId: string, onProgress?: (progress: RunProgress) => void) {
  const startedAt = Date.now();
  let submitted = 0;
  let succeeded = 0;
  let failed = 0;
  let retried = 0;
  let reported = "";
  return {
    submitted(requests: number) {
      submitted += requests;
    },
    retried(requests: number) {
      retried += requests;
    },
    final(result: RunResult) {
      if (isSuccessfulResult(result)) succeeded++;
      else failed++;
    },
    report(parts: readonly RunPart[], live: ReadonlyMap<number, BatchJob>, inputDone: boolean) {
      if (!onProgress) return;
      const jobs: Partial<Record<BatchJobStatus, number>> = {};
      let total = 0;
      let pending = 0;
      let running = 0;
      for (const part of parts) {
        if (part.retryOf === undefined) total += part.lines ?? 0;
        if (part.status) jobs[part.status] = (jobs[part.status] ?? 0) + 1;
      }
      for (const job of live.values()) {
        pending += job.total_requests - job.completed_requests;
        running += job.completed_requests;
      }
      const completed = succeeded + failed;
      const seconds = (Date.now() - startedAt) / 1000;
      const requestsPerSecond = seconds > 0 ? (completed + running) / seconds : 0;
      const left = total - completed - running;
      const etaMs = inputDone && requestsPerSecond > 0 ? Math.round((left / requestsPerSecond) * 1000) : undefined;
      const progress = { runId, total, inputDone, submitted, completed, succeeded, failed, retried, pending, jobs };
      const key = JSON.stringify(progress);
      if (key === reported) return;
      reported = key;
      onProgress({ ...progress, requestsPerSecond, etaMs });
    },
  };
}

/** The counters of a drive. */
export type RunTally = ReturnType<typeof createRunTally>;
