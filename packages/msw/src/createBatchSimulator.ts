import { type BatchJob, DEFAULT_SERVER_URL, MAX_INLINE_REQUESTS } from "@mistral-batch/client";
import { isUuid } from "@mistral-batch/client/contract";
import { createFaultInjector } from "./createFaultInjector.js";
import { createClock } from "./internal/clock.js";
import { createJobRecord, type JobSettings } from "./internal/createJobRecord.js";
import { FileStore, type StoredFile } from "./internal/fileStore.js";
import { filterFiles } from "./internal/filterFiles.js";
import { filterJobs } from "./internal/filterJobs.js";
import { hashBytes } from "./internal/hash.js";
import { type JobProgress, type JobRecord, jobProgress } from "./internal/jobProgress.js";
import { countJsonlLines } from "./internal/jsonl.js";
import { failureSettings } from "./internal/lineFailures.js";
import { planFailures } from "./internal/planFailures.js";
import { resultLines } from "./internal/resultLines.js";
import { toBatchJob } from "./internal/toBatchJob.js";
import { validateCreateBody } from "./internal/validateCreateBody.js";
import { SimulatedApiError } from "./SimulatedApiError.js";
import type { BatchSimulator, BatchSimulatorOptions } from "./types.js";

function checkId(id: string, name: "job_id" | "file_id"): void {
  if (!isUuid(id)) {
    throw SimulatedApiError.validation([
      { loc: ["path", name], msg: "Input should be a valid UUID", type: "uuid_parsing" },
    ]);
  }
}

/** A signed URL's expiry as in the document's example URL: `2025-10-04T14:16:17Z`. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function settingsFrom(options: BatchSimulatorOptions): JobSettings {
  const failureRate = options.failureRate ?? 0;
  if (!(failureRate >= 0 && failureRate <= 1))
    throw new RangeError(`failureRate must be in [0, 1], got ${failureRate}`);
  return {
    queueDelayMs: options.queueDelayMs ?? 1_000,
    durationMs: options.jobDurationMs ?? 10_000,
    cancelDelayMs: options.cancelDelayMs ?? 1_000,
    failureRate,
    timeoutHourMs: positive("timeoutHourMs", options.timeoutHourMs ?? 3_600_000),
  };
}

function positive(name: string, value: number): number {
  if (!(value > 0)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

/** The number of requests of the jobs not yet finished (QUEUED, RUNNING, CANCELLATION_REQUESTED) at `now`. */
function pendingRequests(jobs: Iterable<JobRecord>, now: number): number {
  let pending = 0;
  for (const job of jobs) if (!jobProgress(job, now).terminal) pending += job.total;
  return pending;
}

/**
 * Creates an in-memory Mistral batch API: jobs and files, a clock the tests control, job progress derived from that
 * clock, deterministic results and fault injection. `batchHandlers` serves it over msw; the `./node` entry over HTTP.
 *
 * @example
 * const simulator = createBatchSimulator({ jobDurationMs: 60_000, failureRate: 0.1 });
 * const job = simulator.createJob({ endpoint: "/v1/chat/completions", requests: [{ body: { messages: [] } }] });
 * simulator.clock.advance(61_000 + 1_000);
 * simulator.getJob(job.id).status; // "SUCCESS"
 */
export function createBatchSimulator(options: BatchSimulatorOptions = {}): BatchSimulator {
  const clock = createClock({
    mode: options.clock ?? "manual",
    speed: options.speed ?? 1,
    start: options.startTime ?? Date.now(),
  });
  const settings = settingsFrom(options);
  const failures = failureSettings(options.failures);
  const maxPendingRequests = positive("maxPendingRequests", options.maxPendingRequests ?? 1_000_000);
  /** How many times each retryable custom_id has been in a job so far: its next attempt's number, minus one. */
  const attempts = new Map<string, number>();
  const faults = createFaultInjector();
  const files = new FileStore(clock);
  const jobs = new Map<string, JobRecord>();
  /** The job behind each output and error file id, so a lookup can bring a finished job's files into being. */
  const resultOwners = new Map<string, JobRecord>();
  /** What each signed URL's `sig` grants: one file, until an instant of the simulated clock (epoch ms). */
  const signedUrls = new Map<string, { fileId: string; expiresAt: number }>();

  /** The job's current view; a job seen finished gets its output and error files stored. */
  function observe(job: JobRecord, progress = jobProgress(job, clock.now())): BatchJob {
    const view = toBatchJob(job, progress);
    if (progress.terminal) storeResults(job, progress);
    return view;
  }

  function storeResults(job: JobRecord, progress: JobProgress): void {
    const created = Math.floor((progress.completedAt ?? clock.now()) / 1000);
    const content = { job, completed: progress.completed, created };
    if (progress.succeeded > 0)
      files.addResults(job.outputFileId, { ...content, kind: "output" }, progress.succeeded, created);
    if (progress.failed > 0) files.addResults(job.errorFileId, { ...content, kind: "error" }, progress.failed, created);
  }

  function findJob(jobId: string): JobRecord {
    checkId(jobId, "job_id");
    const job = jobs.get(jobId);
    if (!job) throw SimulatedApiError.notFound("job", jobId);
    return job;
  }

  /** The file, if `caller` may see it; 404 when it is missing, expired or another caller's "user" file. */
  function findFile(fileId: string, caller: string | undefined): StoredFile {
    checkId(fileId, "file_id");
    // A finished job's result files exist once the job is seen finished; looking them up counts as seeing it.
    const owner = resultOwners.get(fileId);
    if (owner) observe(owner);
    const file = files.find(fileId, caller);
    if (!file) throw SimulatedApiError.notFound("file", fileId);
    return file;
  }

  /** Stores the result files of every job that has finished, so that a file listing shows them. */
  function storeFinishedResults(): void {
    const now = clock.now();
    for (const job of jobs.values()) {
      const progress = jobProgress(job, now);
      if (progress.terminal) storeResults(job, progress);
    }
  }

  function contentOf(file: StoredFile) {
    const bytes = file.content instanceof Uint8Array ? file.content.length : file.size;
    return { filename: file.filename, mimetype: file.mimetype, bytes, stream: files.stream(file) };
  }

  function inlineOutputs(job: JobRecord, progress: JobProgress): Record<string, unknown>[] | null {
    if (!progress.terminal) return null;
    if (job.total > MAX_INLINE_REQUESTS) {
      const message = `Inline results are limited to ${MAX_INLINE_REQUESTS} requests; download the output file instead.`;
      throw SimulatedApiError.api(400, message, "too_many_inline_results");
    }
    const created = Math.floor((progress.completedAt ?? 0) / 1000);
    const lines = [
      ...resultLines(job, "output", progress.completed, created),
      ...resultLines(job, "error", progress.completed, created),
    ];
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  return {
    clock,
    faults,
    apiKey: options.apiKey,
    createJob(params, { caller } = {}) {
      const body = validateCreateBody(params);
      const job = createJobRecord(body, files, settings, clock.now(), caller);
      const pending = pendingRequests(jobs.values(), clock.now());
      if (pending + job.total > maxPendingRequests) {
        throw SimulatedApiError.api(
          429,
          `Too many pending requests: ${pending} pending and ${job.total} more would pass the workspace's limit of ${maxPendingRequests}.`,
          "too_many_pending_requests",
          "rate_limited",
        );
      }
      if (failures) job.failurePlan = planFailures(job, failures, attempts);
      jobs.set(job.id, job);
      resultOwners.set(job.outputFileId, job);
      resultOwners.set(job.errorFileId, job);
      return observe(job);
    },
    listJobs(query = {}, { caller } = {}) {
      const now = clock.now();
      const filters = options.ignoreMetadataFilters ? { ...query, metadata: null } : query;
      const matches = filterJobs(jobs.values(), filters, now, caller);
      const page = query.page ?? 0;
      const size = query.page_size ?? 100;
      const data = matches
        .slice(page * size, (page + 1) * size)
        .map(({ job, progress }) => observe(job, progress ?? jobProgress(job, now)));
      return { data, object: "list", total: matches.length };
    },
    getJob(jobId, { inline } = {}) {
      const job = findJob(jobId);
      const progress = jobProgress(job, clock.now());
      const view = observe(job, progress);
      return inline ? { ...view, outputs: inlineOutputs(job, progress) } : view;
    },
    cancelJob(jobId) {
      const job = findJob(jobId);
      const progress = jobProgress(job, clock.now());
      if (progress.status === "QUEUED" || progress.status === "RUNNING") job.cancelRequestedAt = clock.now();
      else if (progress.stopReason !== "CANCELLED") {
        const message = `Batch job ${jobId} is ${progress.status} and can no longer be cancelled.`;
        throw SimulatedApiError.api(400, message, "job_not_cancellable");
      }
      return observe(job);
    },
    deleteJob(jobId) {
      const job = findJob(jobId);
      const progress = jobProgress(job, clock.now());
      if (!progress.terminal) {
        const message = `Batch job ${jobId} is ${progress.status}; cancel it and wait until it is CANCELLED before deleting it.`;
        throw SimulatedApiError.api(400, message, "job_not_deletable");
      }
      observe(job, progress);
      jobs.delete(jobId);
      resultOwners.delete(job.outputFileId);
      resultOwners.delete(job.errorFileId);
      return { id: jobId, object: "batch", deleted: true };
    },
    failJob(jobId, message) {
      const job = findJob(jobId);
      const progress = jobProgress(job, clock.now());
      if (progress.status !== "QUEUED" && progress.status !== "RUNNING") {
        throw SimulatedApiError.api(
          400,
          `Batch job ${jobId} is ${progress.status} and cannot fail.`,
          "job_not_running",
        );
      }
      job.failedAt = clock.now();
      job.failMessage = message;
      return observe(job);
    },
    uploadFile(input, { caller } = {}) {
      const { filename, content, purpose = "fine-tune", mimetype = null, visibility = "workspace", expiry } = input;
      const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
      const createdAt = Math.floor(clock.now() / 1000);
      const file: StoredFile = {
        id: globalThis.crypto.randomUUID(),
        filename,
        purpose,
        sampleType: purpose === "batch" ? "batch_request" : "instruct",
        source: "upload",
        createdAt,
        mimetype,
        numLines: countJsonlLines(bytes),
        owner: caller,
        visibility,
        expiresAt: expiry == null ? null : createdAt + expiry * 3600,
        // Shaped as the document's example (`d4821d2de1917341`); what the API signs is not documented.
        signature: hashBytes(bytes),
        content: bytes,
      };
      files.add(file);
      return files.describe(file);
    },
    listFiles(query = {}, { caller } = {}) {
      storeFinishedResults();
      const matches = filterFiles(files.list(caller), query);
      const page = query.page ?? 0;
      const size = query.page_size ?? 100;
      const data = matches.slice(page * size, (page + 1) * size).map((file) => files.describe(file));
      return { data, object: "list", total: query.include_total === false ? null : matches.length };
    },
    getFile(fileId, { caller } = {}) {
      return { ...files.describe(findFile(fileId, caller)), deleted: false };
    },
    deleteFile(fileId, { caller } = {}) {
      findFile(fileId, caller);
      files.delete(fileId);
      return { id: fileId, object: "file", deleted: true };
    },
    fileContent(fileId, { caller } = {}) {
      return contentOf(findFile(fileId, caller));
    },
    getSignedUrl(fileId, { expiry = 24, caller, baseUrl = DEFAULT_SERVER_URL } = {}) {
      findFile(fileId, caller);
      const signature = globalThis.crypto.randomUUID().replaceAll("-", "");
      const expiresAt = clock.now() + expiry * 3_600_000;
      signedUrls.set(signature, { fileId, expiresAt });
      const query = new URLSearchParams({ se: isoSeconds(expiresAt), sp: "r", sig: signature });
      return { url: `${baseUrl.replace(/\/+$/, "")}/signed-files/${fileId}?${query}` };
    },
    signedFileContent(fileId, signature) {
      const grant = signedUrls.get(signature);
      if (grant?.fileId !== fileId) {
        throw SimulatedApiError.api(403, "This URL's signature is not valid.", "invalid_signature");
      }
      if (clock.now() >= grant.expiresAt) throw SimulatedApiError.api(403, "This URL has expired.", "url_expired");
      // The URL grants what its caller could see when it was made.
      return contentOf(findFile(fileId, undefined));
    },
    reset() {
      jobs.clear();
      attempts.clear();
      resultOwners.clear();
      signedUrls.clear();
      files.clear();
      faults.clear();
    },
  };
}
