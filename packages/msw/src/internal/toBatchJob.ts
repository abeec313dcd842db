import type { BatchError, BatchJob } from "@mistral-batch/client";
import type { JobProgress, JobRecord } from "./jobProgress.js";

const seconds = (ms: number) => Math.floor(ms / 1000);

function jobErrors(job: JobRecord, progress: JobProgress): BatchError[] {
  const errors: BatchError[] = [];
  if (progress.failed > 0) errors.push({ message: "Simulated failure of some requests.", count: progress.failed });
  if (progress.terminal && progress.stopReason === "FAILED") {
    errors.push({ message: job.failMessage ?? "The job failed.", count: 1 });
  }
  if (progress.terminal && progress.stopReason === "TIMEOUT_EXCEEDED") {
    errors.push({ message: `The job exceeded its timeout of ${job.timeoutMs / 3_600_000} hours.`, count: 1 });
  }
  return errors;
}

/** The API's view of a job at one instant. */
export function toBatchJob(job: JobRecord, progress: JobProgress): BatchJob {
  const { terminal } = progress;
  return {
    id: job.id,
    object: "batch",
    input_files: job.inputFiles,
    metadata: job.metadata,
    endpoint: job.endpoint,
    model: job.model,
    agent_id: job.agentId,
    output_file: terminal && progress.succeeded > 0 ? job.outputFileId : null,
    error_file: terminal && progress.failed > 0 ? job.errorFileId : null,
    errors: jobErrors(job, progress),
    outputs: null,
    status: progress.status,
    created_at: seconds(job.createdAt),
    total_requests: job.total,
    completed_requests: progress.completed,
    succeeded_requests: progress.succeeded,
    failed_requests: progress.failed,
    started_at: progress.startedAt === null ? null : seconds(progress.startedAt),
    completed_at: progress.completedAt === null ? null : seconds(progress.completedAt),
  };
}
