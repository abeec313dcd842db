import type {
  BatchJobIn,
  BatchJob as GeneratedBatchJob,
  ListBatchJobsResponse as GeneratedListBatchJobsResponse,
  OrderBy,
} from "./generated/types.gen.js";

/** The statuses the API documents today, in the order a job goes through them. */
export const KNOWN_BATCH_JOB_STATUSES = [
  "QUEUED",
  "RUNNING",
  "SUCCESS",
  "FAILED",
  "TIMEOUT_EXCEEDED",
  "CANCELLATION_REQUESTED",
  "CANCELLED",
] as const;

/** A status the API documents today. */
export type KnownBatchJobStatus = (typeof KNOWN_BATCH_JOB_STATUSES)[number];

/** A job's status: an open enum, so a status added by the API later passes through as a string. */
export type BatchJobStatus = KnownBatchJobStatus | (string & {});

/** The endpoints a batch may run against, as the API documents them today. */
export const KNOWN_API_ENDPOINTS = [
  "/v1/chat/completions",
  "/v1/embeddings",
  "/v1/fim/completions",
  "/v1/moderations",
  "/v1/chat/moderations",
  "/v1/ocr",
  "/v1/classifications",
  "/v1/chat/classifications",
  "/v1/conversations",
  "/v1/audio/transcriptions",
] as const;

/** An endpoint the API documents today. */
export type KnownApiEndpoint = (typeof KNOWN_API_ENDPOINTS)[number];

/** The endpoint a batch runs against: an open enum. */
export type ApiEndpoint = KnownApiEndpoint | (string & {});

/**
 * A batch job as the API returns it.
 * @interface
 */
export type BatchJob = Omit<GeneratedBatchJob, "status"> & { status: BatchJobStatus };

/**
 * A page of jobs.
 * @interface
 */
export type ListBatchJobsResponse = Omit<GeneratedListBatchJobsResponse, "data"> & { data?: BatchJob[] };

/** Parameters of `batch.jobs.list`, named as in the API. */
export interface ListBatchJobsParams {
  page?: number | undefined;
  page_size?: number | undefined;
  model?: string | null | undefined;
  agent_id?: string | null | undefined;
  /** Only jobs whose metadata holds every one of these key-value pairs. */
  metadata?: Record<string, unknown> | null | undefined;
  /** Only jobs created after this instant. */
  created_after?: Date | string | null | undefined;
  created_by_me?: boolean | undefined;
  status?: BatchJobStatus[] | null | undefined;
  order_by?: OrderBy | undefined;
}

/**
 * `T` with `undefined` accepted by each of its optional properties, for parameters typed from the generated
 * (spec) types: so that `{ model: process.env.MODEL }` compiles under `exactOptionalPropertyTypes`, where an
 * optional property otherwise refuses an explicit `undefined`. The kit treats such an `undefined` as absent.
 */
export type AcceptUndefined<T> = { [K in keyof T]: undefined extends T[K] ? T[K] | undefined : T[K] };

/**
 * Parameters of `batch.jobs.create`, named as in the API.
 * @interface
 */
export type CreateBatchJobParams = AcceptUndefined<Omit<BatchJobIn, "endpoint">> & { endpoint: ApiEndpoint };

/** Parameters of `batch.jobs.get`. */
export interface GetBatchJobParams {
  job_id: string;
  /** When true, the results come back in the job's `outputs`. */
  inline?: boolean | null | undefined;
}

/** Parameters of `batch.jobs.delete` and `batch.jobs.cancel`. */
export interface JobIdParams {
  job_id: string;
}

/** The statuses after which a job changes no more. */
export const TERMINAL_STATUSES: ReadonlySet<BatchJobStatus> = new Set([
  "SUCCESS",
  "FAILED",
  "TIMEOUT_EXCEEDED",
  "CANCELLED",
]);

/** True once a job can change no more; CANCELLATION_REQUESTED and unknown statuses are not terminal. */
export function isTerminalStatus(status: BatchJobStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** The most inline requests one job may carry. */
export const MAX_INLINE_REQUESTS = 10_000;

/** The most hours a job may run before it ends TIMEOUT_EXCEEDED (`timeout_hours`, 1 to 168, 24 by default). */
export const MAX_TIMEOUT_HOURS = 168;

/** Inline requests above this JSON size (10 MiB) go in a file instead, keeping the create call small. */
export const MAX_INLINE_BYTES = 10_485_760; // A literal: bundlers keep an unused `10 * 1024 * 1024` in every bundle.
