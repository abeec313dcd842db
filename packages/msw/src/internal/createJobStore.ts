import type { BatchJob, DeleteBatchJobResponse, ListBatchJobsResponse } from "@mistral-batch/client";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { ListJobsQuery, SimulatorClock } from "../types.js";
import { checkPathId } from "./checkPathId.js";
import { checkPendingRequests } from "./checkPendingRequests.js";
import { createJobRecord } from "./createJobRecord.js";
import type { JobResults } from "./createJobResults.js";
import type { FileStore } from "./fileStore.js";
import { filterJobs } from "./filterJobs.js";
import { type JobProgress, type JobRecord, jobProgress } from "./jobProgress.js";
import { pageOf } from "./pageOf.js";
import { createFailurePlanner } from "./planFailures.js";
import type { SimulatorSettings } from "./simulatorSettings.js";
import { toBatchJob } from "./toBatchJob.js";
import { validateCreateBody } from "./validateCreateBody.js";

/**
 * The simulator's jobs: their records, and the only changes a record takes after creation, each stamped with the
 * clock (a cancel request, a forced failure). Every other status is derived from the clock by `jobProgress`.
 * Each operation reads the clock once, so that in "real" mode a check and the change it allows see the same instant.
 */
export interface JobStore {
  create(body: unknown, caller: string | undefined): BatchJob;
  list(query: ListJobsQuery, caller: string | undefined): ListBatchJobsResponse;
  get(jobId: string, inline: boolean): BatchJob;
  cancel(jobId: string): BatchJob;
  fail(jobId: string, message: string | undefined): BatchJob;
  delete(jobId: string): DeleteBatchJobResponse;
  /** Every job, in creation order. */
  records(): Iterable<JobRecord>;
  /** Forgets every job, and the attempts counted per custom_id. */
  clear(): void;
}

interface JobStoreParts {
  clock: SimulatorClock;
  /** Where a create finds its input files. */
  files: FileStore;
  results: JobResults;
  settings: SimulatorSettings;
}

export function createJobStore({ clock, files, results, settings }: JobStoreParts): JobStore {
  const jobs = new Map<string, JobRecord>();
  const failures = createFailurePlanner(settings.failures);

  function find(jobId: string): JobRecord {
    checkPathId(jobId, "job_id");
    const job = jobs.get(jobId);
    if (!job) throw SimulatedApiError.notFound("job", jobId);
    return job;
  }

  /** The job as the API shows it; a job seen finished gets its result files. */
  function view(job: JobRecord, progress: JobProgress): BatchJob {
    results.storeIfFinished(job, progress);
    return toBatchJob(job, progress);
  }

  return {
    create(body, caller) {
      const now = clock.now();
      const job = createJobRecord(validateCreateBody(body), files, settings.job, now, caller);
      checkPendingRequests(jobs.values(), job.total, now, settings.maxPendingRequests);
      // Planned only once the job is accepted: a refused create counts no attempt.
      job.failurePlan = failures.plan(job);
      jobs.set(job.id, job);
      results.track(job);
      return view(job, jobProgress(job, now));
    },
    list(query, caller) {
      const now = clock.now();
      const filters = settings.ignoreMetadataFilters ? { ...query, metadata: null } : query;
      const matches = filterJobs(jobs.values(), filters, now, caller);
      const data = pageOf(matches, query).map(({ job, progress }) => view(job, progress ?? jobProgress(job, now)));
      return { data, object: "list", total: matches.length };
    },
    get(jobId, inline) {
      const job = find(jobId);
      const progress = jobProgress(job, clock.now());
      const shown = view(job, progress);
      return inline ? { ...shown, outputs: results.inlineOutputs(job, progress) } : shown;
    },
    cancel(jobId) {
      const job = find(jobId);
      const now = clock.now();
      const { status, stopReason } = jobProgress(job, now);
      if (status === "QUEUED" || status === "RUNNING") job.cancelRequestedAt = now;
      else if (stopReason !== "CANCELLED") {
        const message = `Batch job ${jobId} is ${status} and can no longer be cancelled.`;
        throw SimulatedApiError.api(400, message, "job_not_cancellable");
      }
      return view(job, jobProgress(job, now));
    },
    fail(jobId, message) {
      const job = find(jobId);
      const now = clock.now();
      const { status } = jobProgress(job, now);
      if (status !== "QUEUED" && status !== "RUNNING") {
        throw SimulatedApiError.api(400, `Batch job ${jobId} is ${status} and cannot fail.`, "job_not_running");
      }
      job.failedAt = now;
      job.failMessage = message;
      return view(job, jobProgress(job, now));
    },
    delete(jobId) {
      const job = find(jobId);
      const progress = jobProgress(job, clock.now());
      if (!progress.terminal) {
        const message = `Batch job ${jobId} is ${progress.status}; cancel it and wait until it is CANCELLED before deleting it.`;
        throw SimulatedApiError.api(400, message, "job_not_deletable");
      }
      // Its result files outlive it: store them before the record goes.
      results.storeIfFinished(job, progress);
      jobs.delete(jobId);
      results.forget(job);
      return { id: jobId, object: "batch", deleted: true };
    },
    records: () => jobs.values(),
    clear() {
      jobs.clear();
      failures.clear();
    },
  };
}
