import { MAX_INLINE_REQUESTS } from "@mistral-batch/client";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { FileStore } from "./fileStore.js";
import { type JobProgress, type JobRecord, jobProgress } from "./jobProgress.js";
import { resultLines } from "./resultLines.js";

/**
 * A job's results: its output and error files, and its inline `outputs`. Progress is derived from the clock, with no
 * timer to mark the end of a job, so a finished job's files are stored when it is first seen finished: when the job is
 * read, when one of its files is looked up, or when files are listed.
 */
export interface JobResults {
  /** Remembers which job a new job's output and error file ids belong to. */
  track(job: JobRecord): void;
  /** Forgets a deleted job; the files already stored stay. */
  forget(job: JobRecord): void;
  /** Stores the job's output and error files if `progress` is terminal, once (a deleted one is not stored again). */
  storeIfFinished(job: JobRecord, progress: JobProgress): void;
  /** Stores the results of every job of `jobs` finished at `now`, so that a file listing shows them. */
  storeFinished(jobs: Iterable<JobRecord>, now: number): void;
  /** Looking up a result file counts as seeing its job: stores the job's files if it is finished at `now`. */
  reveal(fileId: string, now: number): void;
  /** The job's output and error lines as objects, once it is finished (null before); 400 past `MAX_INLINE_REQUESTS`. */
  inlineOutputs(job: JobRecord, progress: JobProgress): Record<string, unknown>[] | null;
  clear(): void;
}

/** The `created` of a finished job's result lines and files: the instant it finished, in Unix seconds. */
function createdAt(progress: JobProgress): number {
  return Math.floor((progress.completedAt ?? 0) / 1000);
}

export function createJobResults(files: FileStore): JobResults {
  /** The job behind each output and error file id. */
  const owners = new Map<string, JobRecord>();

  function storeIfFinished(job: JobRecord, progress: JobProgress): void {
    if (!progress.terminal) return;
    const created = createdAt(progress);
    const content = { job, completed: progress.completed, created };
    if (progress.succeeded > 0)
      files.addResults(job.outputFileId, { ...content, kind: "output" }, progress.succeeded, created);
    if (progress.failed > 0) files.addResults(job.errorFileId, { ...content, kind: "error" }, progress.failed, created);
  }

  return {
    track(job) {
      owners.set(job.outputFileId, job);
      owners.set(job.errorFileId, job);
    },
    forget(job) {
      owners.delete(job.outputFileId);
      owners.delete(job.errorFileId);
    },
    storeIfFinished,
    storeFinished(jobs, now) {
      for (const job of jobs) storeIfFinished(job, jobProgress(job, now));
    },
    reveal(fileId, now) {
      const owner = owners.get(fileId);
      if (owner) storeIfFinished(owner, jobProgress(owner, now));
    },
    inlineOutputs(job, progress) {
      if (!progress.terminal) return null;
      if (job.total > MAX_INLINE_REQUESTS) {
        const message = `Inline results are limited to ${MAX_INLINE_REQUESTS} requests; download the output file instead.`;
        throw SimulatedApiError.api(400, message, "too_many_inline_results");
      }
      const created = createdAt(progress);
      const lines = [
        ...resultLines(job, "output", progress.completed, created),
        ...resultLines(job, "error", progress.completed, created),
      ];
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    clear() {
      owners.clear();
    },
  };
}
