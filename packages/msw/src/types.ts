import type {
  BatchJob,
  CreateBatchJobParams,
  DeleteBatchJobResponse,
  DeleteFileResponse,
  FileObject,
  GetSignedUrlResponse,
  ListBatchJobsResponse,
  ListFilesParams,
  ListFilesResponse,
  OrderBy,
  RetrievedFile,
} from "@mistral-batch/client";
import type { FaultInjector } from "./createFaultInjector.js";

/** The simulator's clock. Times are epoch milliseconds. */
export interface SimulatorClock {
  /** The simulated time now. */
  now(): number;
  /** Moves simulated time forward by `ms` (also in "real" mode, on top of the wall clock). */
  advance(ms: number): void;
}

/** Options of `createBatchSimulator`. Every one has a default. */
export interface BatchSimulatorOptions {
  /** Require this exact bearer token; by default any non-empty token is accepted. */
  apiKey?: string | undefined;
  /** "manual" (default): time moves only with `clock.advance`; "real": the wall clock times `speed`. */
  clock?: "manual" | "real" | undefined;
  /** Simulated milliseconds per real millisecond in "real" mode. Default 1. */
  speed?: number | undefined;
  /** The simulated time at creation, epoch milliseconds. Default `Date.now()`. */
  startTime?: number | undefined;
  /** Time a job spends QUEUED. Default 1,000 ms. */
  queueDelayMs?: number | undefined;
  /** Time a job spends RUNNING, whatever its size. Default 10,000 ms. */
  jobDurationMs?: number | undefined;
  /** Time from CANCELLATION_REQUESTED to CANCELLED. Default 1,000 ms. */
  cancelDelayMs?: number | undefined;
  /**
   * Share of requests that fail, from 0 to 1, spread evenly over each job by position, with
   * `{response: null, error: {message, code: "simulated_failure"}}`. Default 0. See `failures` for failures
   * that tell retryable from permanent and follow a request across jobs.
   */
  failureRate?: number | undefined;
  /** Per-line failures with an HTTP status, decided by `custom_id`, so that a retry in a new job can succeed. */
  failures?: LineFailureOptions | undefined;
  /**
   * The most requests the workspace may have pending: the sum of `total_requests` over jobs that are QUEUED,
   * RUNNING or CANCELLATION_REQUESTED. A create that would pass it gets a 429. Default 1,000,000 (the guide's figure).
   */
  maxPendingRequests?: number | undefined;
  /**
   * Simulated milliseconds that one hour of a job's `timeout_hours` lasts. Default 3,600,000 (an hour). A small
   * value (`6_000`: `timeout_hours: 1` is 6 s) makes jobs end TIMEOUT_EXCEEDED part-way in tests.
   */
  timeoutHourMs?: number | undefined;
  /**
   * A test aid: an upstream that ignores metadata filters. List then answers as if none were given, so code that
   * must not rely on the filter (a proxy isolating users by metadata) can be tested against it. Default false.
   */
  ignoreMetadataFilters?: boolean | undefined;
}

/**
 * Per-line failure classes. A request's class is drawn from a hash of its `custom_id` (and `seed`) alone: the same
 * custom_id has the same class in every job of every simulator with the same options.
 */
export interface LineFailureOptions {
  /**
   * Share of custom_ids, 0 to 1, whose requests fail with a retryable status (429, 500 or 503) on their first
   * `retryableAttempts` attempts, then succeed. Default 0.
   */
  retryable?: number | undefined;
  /** Share of custom_ids, 0 to 1, whose requests fail with 400 or 422 in every job, for good. Default 0. */
  permanent?: number | undefined;
  /**
   * How many attempts of a retryable custom_id fail before one succeeds; attempt n of a custom_id is its n-th
   * occurrence in the jobs this simulator created (in creation order, whatever became of those jobs). Default 1.
   */
  retryableAttempts?: number | undefined;
  /** Picks which custom_ids fail: another seed, other ones. An integer; default 0. */
  seed?: number | undefined;
}

/** A file to store, as `POST /v1/files` would. */
export interface UploadFileInput {
  filename: string;
  content: string | Uint8Array;
  /** Default "fine-tune", as the API's. */
  purpose?: string | undefined;
  mimetype?: string | null | undefined;
  /** "workspace" (default): every caller sees the file; "user": only the caller that uploaded it. */
  visibility?: string | undefined;
  /** Hours until the file is gone (our reading of the API's undocumented unit); default: kept. */
  expiry?: number | null | undefined;
}

/**
 * Who is calling (the bearer token): `created_by_me` compares it with a job's creator, and a file uploaded with
 * visibility "user" is seen by its uploader only. Without a caller, every job and file is seen.
 */
export interface CallerOptions {
  caller?: string | undefined;
}

/** Options of `BatchSimulator.getSignedUrl`. */
export interface SignedUrlOptions extends CallerOptions {
  /** Hours the URL works: 1 to 168 (the route refuses others with a 422), default 24. */
  expiry?: number | undefined;
  /** The API root the URL points under, as `batchHandlers`' `baseUrl`. Default `https://api.mistral.ai`. */
  baseUrl?: string | undefined;
}

/** List filters, parsed. Unknown keys of a query string end up in `metadata`. */
export interface ListJobsQuery {
  page?: number | undefined;
  page_size?: number | undefined;
  model?: string | null | undefined;
  agent_id?: string | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
  /** Jobs created at or after this instant (epoch ms, a Date or an ISO date-time). */
  created_after?: number | Date | string | null | undefined;
  created_by_me?: boolean | undefined;
  status?: string[] | null | undefined;
  order_by?: OrderBy | undefined;
}

/** A file's content, from `BatchSimulator.fileContent`. */
export interface FileContent {
  filename: string;
  mimetype: string | null;
  /** The size, when known without generating the content. */
  bytes: number | undefined;
  stream: ReadableStream<Uint8Array>;
}

/** The in-memory batch API. Every method answers as the HTTP route would, or throws `SimulatedApiError`. */
export interface BatchSimulator {
  readonly clock: SimulatorClock;
  readonly faults: FaultInjector;
  /** The token `apiKey` option, if any. */
  readonly apiKey: string | undefined;
  /** Creates a job as `POST /v1/batch/jobs` would: QUEUED, owned by `caller`. */
  createJob(params: CreateBatchJobParams, options?: CallerOptions): BatchJob;
  /** A page of the jobs, newest first unless `order_by` says otherwise, filtered as `GET /v1/batch/jobs`. */
  listJobs(query?: ListJobsQuery, options?: CallerOptions): ListBatchJobsResponse;
  /** A job as it stands at the simulated time now; with `inline`, its results in `outputs`. */
  getJob(jobId: string, options?: { inline?: boolean | null | undefined }): BatchJob;
  /** Asks for a job's cancellation: CANCELLATION_REQUESTED, then CANCELLED after `cancelDelayMs`. */
  cancelJob(jobId: string): BatchJob;
  /** Deletes a job. */
  deleteJob(jobId: string): DeleteBatchJobResponse;
  /** Makes a QUEUED or RUNNING job FAILED now, with `message` in its `errors`. */
  failJob(jobId: string, message?: string): BatchJob;
  /** Stores a file as `POST /v1/files` would. */
  uploadFile(input: UploadFileInput, options?: CallerOptions): FileObject;
  /** The files the caller sees (a finished job's results included), newest first, filtered as `GET /v1/files`. */
  listFiles(query?: ListFilesParams, options?: CallerOptions): ListFilesResponse;
  /** A file's description, if `caller` may see it. */
  getFile(fileId: string, options?: CallerOptions): RetrievedFile;
  /** Deletes a file, if `caller` may see it. */
  deleteFile(fileId: string, options?: CallerOptions): DeleteFileResponse;
  /** The file's bytes as a stream; a job's output is generated while it is read. */
  fileContent(fileId: string, options?: CallerOptions): FileContent;
  /** A URL under `baseUrl` that downloads the file without a bearer token until `expiry` hours from now. */
  getSignedUrl(fileId: string, options?: SignedUrlOptions): GetSignedUrlResponse;
  /**
   * The content a signed URL gives: its `sig` must be one `getSignedUrl` made for this file, not yet expired
   * (403 otherwise); a file deleted or expired since answers 404.
   */
  signedFileContent(fileId: string, signature: string): FileContent;
  /** Forgets every job, file, signed URL and fault, and the attempts counted per custom_id. The clock keeps its time. */
  reset(): void;
}
