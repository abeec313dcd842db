import type { BatchRequest } from "@mistral-batch/client";
import { type FailurePlan, failedInPlan } from "./lineFailures.js";

/** A job as the simulator stores it: fixed facts plus the instants of the events that happened to it. */
export interface JobRecord {
  id: string;
  endpoint: string;
  model: string | null;
  agentId: string | null;
  metadata: Record<string, string> | null;
  inputFiles: string[];
  /** The inputs: inline requests, or the bytes of the input files (kept even if the files are deleted). */
  requests: BatchRequest[] | null;
  inputs: Uint8Array[];
  total: number;
  creator: string | undefined;
  createdAt: number;
  queueDelayMs: number;
  durationMs: number;
  cancelDelayMs: number;
  timeoutMs: number;
  failureRate: number;
  /** Which lines fail and how, when the `failures` option is on; null: `failureRate` alone, computed by position. */
  failurePlan: FailurePlan | null;
  cancelRequestedAt: number | undefined;
  failedAt: number | undefined;
  failMessage: string | undefined;
  outputFileId: string;
  errorFileId: string;
}

/** A job's state at one instant, derived from its record and the clock. */
export interface JobProgress {
  status: string;
  terminal: boolean;
  completed: number;
  succeeded: number;
  failed: number;
  startedAt: number | null;
  completedAt: number | null;
  /** Why it stopped early, for the job's `errors`. */
  stopReason: "FAILED" | "TIMEOUT_EXCEEDED" | "CANCELLED" | null;
}

/** How many of the first `completed` requests fail: failures are spread evenly, so this is exact and O(1). */
export function failedAmong(completed: number, rate: number): number {
  return Math.floor(completed * rate + 1e-9);
}

/** Whether request `index` fails. */
export function requestFails(index: number, rate: number): boolean {
  return failedAmong(index + 1, rate) > failedAmong(index, rate);
}

/**
 * The job's status and counts at `now`, computed from elapsed time rather than by timers, so that any number of
 * jobs costs nothing between reads. Progress rises linearly while RUNNING and freezes when the job stops.
 */
export function jobProgress(job: JobRecord, now: number): JobProgress {
  const start = job.createdAt + job.queueDelayMs;
  const naturalEnd = start + job.durationMs;
  let stopAt = naturalEnd;
  let stopReason: JobProgress["stopReason"] = null;
  const deadline = job.createdAt + job.timeoutMs;
  if (deadline < stopAt) {
    stopAt = deadline;
    stopReason = "TIMEOUT_EXCEEDED";
  }
  if (job.failedAt !== undefined && job.failedAt < stopAt) {
    stopAt = job.failedAt;
    stopReason = "FAILED";
  }
  if (job.cancelRequestedAt !== undefined && job.cancelRequestedAt < stopAt) {
    stopAt = job.cancelRequestedAt;
    stopReason = "CANCELLED";
  }
  const progressAt = Math.min(now, stopAt);
  const completed =
    progressAt <= start
      ? 0
      : progressAt >= naturalEnd
        ? job.total
        : Math.floor((job.total * (progressAt - start)) / job.durationMs);
  const failed = job.failurePlan ? failedInPlan(job.failurePlan, completed) : failedAmong(completed, job.failureRate);
  const startedAt = progressAt >= start ? start : null;
  let status: string;
  let completedAt: number | null = null;
  if (now < stopAt) status = now < start ? "QUEUED" : "RUNNING";
  else if (stopReason === "CANCELLED") {
    const cancelledAt = stopAt + job.cancelDelayMs;
    status = now >= cancelledAt ? "CANCELLED" : "CANCELLATION_REQUESTED";
    if (status === "CANCELLED") completedAt = cancelledAt;
  } else {
    const allFailed = stopReason === null && job.total > 0 && failed === job.total;
    status = stopReason ?? (allFailed ? "FAILED" : "SUCCESS");
    completedAt = stopAt;
  }
  const terminal = completedAt !== null;
  return { status, terminal, completed, failed, succeeded: completed - failed, startedAt, completedAt, stopReason };
}
