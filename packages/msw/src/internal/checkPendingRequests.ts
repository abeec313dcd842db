import { SimulatedApiError } from "../SimulatedApiError.js";
import { type JobRecord, jobProgress } from "./jobProgress.js";

/** The number of requests of the jobs not yet finished (QUEUED, RUNNING, CANCELLATION_REQUESTED) at `now`. */
function pendingRequests(jobs: Iterable<JobRecord>, now: number): number {
  let pending = 0;
  for (const job of jobs) if (!jobProgress(job, now).terminal) pending += job.total;
  return pending;
}

/** Answers 429, as the workspace's cap on pending requests does, when `added` more requests would pass `limit`. */
export function checkPendingRequests(jobs: Iterable<JobRecord>, added: number, now: number, limit: number): void {
  const pending = pendingRequests(jobs, now);
  if (pending + added > limit) {
    throw SimulatedApiError.api(
      429,
      `Too many pending requests: ${pending} pending and ${added} more would pass the workspace's limit of ${limit}.`,
      "too_many_pending_requests",
      "rate_limited",
    );
  }
}
