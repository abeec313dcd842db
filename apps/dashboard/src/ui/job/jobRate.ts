import type { BatchJob } from "@mistral-batch/client";

/** How fast a job goes: requests per second since it started, and while it runs, the seconds it still needs. */
export interface JobRate {
  /** Completed requests per second, from the start to the end (or to now while it runs). */
  perSecond: number;
  /** Seconds until every request is done at that pace; null once the job has ended. */
  etaSeconds: number | null;
}

/**
 * The job's throughput and, while it runs, an ETA at its average pace so far. Null before it has started or before
 * any request is done (no pace to go by yet). The average over the whole run is steadier than the last few updates,
 * which arrive in bursts.
 */
export function jobRate(job: BatchJob, nowSeconds: number): JobRate | null {
  if (job.started_at == null || job.completed_requests <= 0) return null;
  const end = job.completed_at ?? nowSeconds;
  const elapsed = end - job.started_at;
  if (!(elapsed > 0)) return null;
  const perSecond = job.completed_requests / elapsed;
  const running = job.completed_at == null && job.status === "RUNNING";
  const remaining = Math.max(0, job.total_requests - job.completed_requests);
  return { perSecond, etaSeconds: running ? remaining / perSecond : null };
}

/** A throughput as people read it: "12.5 requests/s", or per minute when under one a second. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1) return `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} requests/s`;
  const perMinute = perSecond * 60;
  return `${perMinute >= 10 ? Math.round(perMinute) : perMinute.toFixed(1)} requests/min`;
}
