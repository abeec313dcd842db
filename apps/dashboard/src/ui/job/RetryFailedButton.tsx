import { type BatchJob, isTerminalStatus } from "@mistral-batch/client";
import { useNavigate } from "@tanstack/react-router";
import { ErrorNotice } from "../common/QueryStatus.js";
import { useRetryFailed } from "./useRetryFailed.js";

/** "Retry failed requests" on a finished job with failures: creates the retry job, then opens it. */
export function RetryFailedButton({ job }: { job: BatchJob }) {
  const retry = useRetryFailed();
  const navigate = useNavigate();
  if (!isTerminalStatus(job.status) || job.failed_requests === 0) return null;
  // Inline requests live only in the job itself: there is no input file to take the failed lines from.
  const inline = job.input_files.length === 0;
  return (
    <div className="retry">
      <button
        type="button"
        className="primary"
        disabled={inline || retry.isPending}
        aria-describedby={inline ? "retry-inline" : undefined}
        onClick={() =>
          retry.mutate(job, {
            onSuccess: (created) => void navigate({ to: "/jobs/$jobId", params: { jobId: created.id } }),
          })
        }
      >
        Retry failed requests
      </button>
      {inline && (
        <span id="retry-inline" className="muted">
          Sent inline: its requests cannot be read back to resend.
        </span>
      )}
      {retry.isPending && (
        <span role="status" className="muted">
          Creating a job of the {job.failed_requests} failed request{job.failed_requests === 1 ? "" : "s"}…
        </span>
      )}
      {retry.isError && <ErrorNotice title="No retry job was created." error={retry.error} />}
    </div>
  );
}
