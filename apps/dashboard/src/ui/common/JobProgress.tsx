import type { BatchJob } from "@mistral-batch/client";
import { jobProgress } from "@mistral-batch/react";

/**
 * A job's progress bar (`role="progressbar"`, `aria-valuenow` in percent) with
 * its completed / total and failed counts.
 */
export function JobProgress({ job }: { job: BatchJob }) {
  const percent = Math.round(jobProgress(job) * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Progress of job ${job.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${job.completed_requests} of ${job.total_requests} requests`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-counts">
        {job.completed_requests} / {job.total_requests}
        {job.failed_requests > 0 && <span className="failed"> · {job.failed_requests} failed</span>}
      </span>
    </div>
  );
}
