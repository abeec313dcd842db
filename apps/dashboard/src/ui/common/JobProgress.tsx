import type { BatchJob } from "@mistral-batch/client";
import { jobProgress } from "@mistral-batch/react";

/**
 * A job's progress bar (`role="progressbar"`, `aria-valuenow` in percent of requests done) split into the share
 * that succeeded (green) and the share that failed (red), with the counts beside it in words.
 */
export function JobProgress({
  job,
  label = `Progress of job ${job.id}`,
}: {
  job: Pick<BatchJob, "id" | "total_requests" | "completed_requests" | "failed_requests">;
  label?: string;
}) {
  const percent = Math.round(jobProgress(job as BatchJob) * 100);
  const total = Math.max(1, job.total_requests);
  const failed = Math.min(job.failed_requests, job.completed_requests);
  const succeeded = Math.max(0, job.completed_requests - failed);
  const share = (n: number) => `${Math.min(100, (n / total) * 100)}%`;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${job.completed_requests} of ${job.total_requests} requests, ${failed} failed`}
      >
        <div className="progress-fill progress-succeeded" style={{ width: share(succeeded) }} />
        <div className="progress-fill progress-failed" style={{ width: share(failed) }} />
      </div>
      <span className="progress-counts">
        {job.completed_requests} / {job.total_requests}
        {failed > 0 && <span className="failed"> · {failed} failed</span>}
      </span>
    </div>
  );
}
