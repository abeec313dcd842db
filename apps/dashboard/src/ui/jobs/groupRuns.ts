import { type BatchJob, type BatchJobStatus, isTerminalStatus, RUN_ID_METADATA_KEY } from "@mistral-batch/client";

/** A row of the jobs list: a job on its own, or a run (jobs tagged with one run id) as one item with its jobs. */
export type JobListItem = { kind: "job"; job: BatchJob } | { kind: "run"; runId: string; jobs: BatchJob[] };

/** The run id a run of the workload engine tags its jobs with, or null. */
export function runIdOf(job: BatchJob): string | null {
  const value = job.metadata?.[RUN_ID_METADATA_KEY];
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * The page's jobs as list items, in the list's order: the jobs of one run become one item where its first job
 * stands, holding them all in their order.
 */
export function groupRuns(jobs: readonly BatchJob[]): JobListItem[] {
  const items: JobListItem[] = [];
  const runs = new Map<string, BatchJob[]>();
  for (const job of jobs) {
    const runId = runIdOf(job);
    if (runId === null) {
      items.push({ kind: "job", job });
      continue;
    }
    const seen = runs.get(runId);
    if (seen) seen.push(job);
    else {
      const group = [job];
      runs.set(runId, group);
      items.push({ kind: "run", runId, jobs: group });
    }
  }
  return items;
}

/** Ended jobs of a run, worst first: a run shows the worst way any of its jobs ended. */
const ENDINGS: BatchJobStatus[] = ["FAILED", "TIMEOUT_EXCEEDED", "CANCELLED", "SUCCESS"];

/**
 * One status for a run's jobs: while any runs, RUNNING (QUEUED or CANCELLATION_REQUESTED if those are all that is
 * left); once all have ended, the worst ending among them.
 */
export function runStatus(jobs: readonly BatchJob[]): BatchJobStatus {
  const live = jobs.filter((job) => !isTerminalStatus(job.status));
  if (live.length > 0) {
    if (live.some((job) => job.status === "RUNNING")) return "RUNNING";
    return live.some((job) => job.status === "QUEUED") ? "QUEUED" : (live[0]!.status as BatchJobStatus);
  }
  return ENDINGS.find((status) => jobs.some((job) => job.status === status)) ?? jobs[0]?.status ?? "QUEUED";
}

/** A run's request counts and times: the sums of its jobs' counts, from its first creation to its last end. */
export function runTotals(jobs: readonly BatchJob[]) {
  const sum = (pick: (job: BatchJob) => number) => jobs.reduce((total, job) => total + pick(job), 0);
  const ended = jobs.every((job) => isTerminalStatus(job.status));
  const starts = jobs.map((job) => job.started_at).filter((t): t is number => t != null);
  return {
    total_requests: sum((job) => job.total_requests),
    completed_requests: sum((job) => job.completed_requests),
    succeeded_requests: sum((job) => job.succeeded_requests),
    failed_requests: sum((job) => job.failed_requests),
    created_at: Math.min(...jobs.map((job) => job.created_at)),
    started_at: starts.length > 0 ? Math.min(...starts) : null,
    completed_at: ended ? Math.max(...jobs.map((job) => job.completed_at ?? 0)) : null,
  };
}
