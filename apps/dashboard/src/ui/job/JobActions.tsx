import { type BatchJob, isTerminalStatus } from "@mistral-batch/client";
import { useCancelBatchJob, useDeleteBatchJob } from "@mistral-batch/react";
import { useNavigate } from "@tanstack/react-router";
import { ConfirmAction } from "../common/ConfirmAction.js";
import { ErrorNotice } from "../common/QueryStatus.js";

/** Cancel and delete, each behind a confirmation; delete leads back to the list. */
export function JobActions({ job }: { job: BatchJob }) {
  const cancel = useCancelBatchJob();
  const remove = useDeleteBatchJob();
  const navigate = useNavigate();
  const cancellable = !isTerminalStatus(job.status) && job.status !== "CANCELLATION_REQUESTED";
  return (
    <div className="job-actions">
      {cancellable && (
        <ConfirmAction
          label="Cancel job"
          question="Cancel this job? Requests not yet run will not be."
          confirmLabel="Yes, cancel job"
          dismissLabel="Keep job running"
          disabled={cancel.isPending}
          onConfirm={() => cancel.mutate({ job_id: job.id })}
        />
      )}
      <ConfirmAction
        label="Delete job"
        question="Delete this job? It will disappear from your list."
        confirmLabel="Yes, delete job"
        dismissLabel="Keep job"
        danger
        disabled={remove.isPending}
        onConfirm={() =>
          remove.mutate({ job_id: job.id }, { onSuccess: () => void navigate({ to: "/", replace: true }) })
        }
      />
      {cancel.isError && <ErrorNotice title="The job was not cancelled." error={cancel.error} />}
      {remove.isError && <ErrorNotice title="The job was not deleted." error={remove.error} />}
    </div>
  );
}
