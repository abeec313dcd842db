import type { MistralBatchCore } from "./core.js";
import { InvalidRequestError } from "./errors.js";
import * as sdk from "./generated/sdk.gen.js";
import type { DeleteBatchJobResponse, ListBatchJobsData } from "./generated/types.gen.js";
import { callOperation, type RequestOptions } from "./internal/callOperation.js";
import { assertOptionalInteger, assertOptionalOneOf, assertUuid, isUuid } from "./internal/validate.js";
import {
  type BatchJob,
  type CreateBatchJobParams,
  type GetBatchJobParams,
  type JobIdParams,
  type ListBatchJobsParams,
  type ListBatchJobsResponse,
  MAX_INLINE_REQUESTS,
} from "./types.js";

/** The largest page the client asks for. */
export const MAX_PAGE_SIZE = 1000;

const ORDER_BY = ["created", "-created"] as const;

/** What every job in a response has, checked before it is handed over. */
const JOB_FIELDS = { id: "string", status: "string" } as const;

/** Lists jobs, newest first unless `order_by` says otherwise. */
export function listBatchJobs(
  core: MistralBatchCore,
  params: ListBatchJobsParams = {},
  options?: RequestOptions,
): Promise<ListBatchJobsResponse> {
  assertOptionalInteger("page", params.page, 0, Number.MAX_SAFE_INTEGER);
  assertOptionalInteger("page_size", params.page_size, 1, MAX_PAGE_SIZE);
  assertOptionalOneOf("order_by", params.order_by, ORDER_BY);
  const query: ListBatchJobsData["query"] = { ...params, created_after: toIsoDate(params.created_after) };
  return callOperation(
    core,
    {
      name: "batch.jobs.list",
      idempotent: true,
      requiredFields: { total: "number" },
      send: (o) => sdk.listBatchJobs({ ...o, query }),
    },
    options,
  );
}

/** Creates a job from uploaded `input_files` or inline `requests`; it starts QUEUED. */
export function createBatchJob(
  core: MistralBatchCore,
  params: CreateBatchJobParams,
  options?: RequestOptions,
): Promise<BatchJob> {
  validateCreateParams(params);
  return callOperation(
    core,
    {
      name: "batch.jobs.create",
      idempotent: false,
      requiredFields: JOB_FIELDS,
      send: (o) => sdk.createBatchJob({ ...o, body: params }),
    },
    options,
  );
}

/** Reads one job; with `inline: true` its results come back in `outputs`. */
export function getBatchJob(
  core: MistralBatchCore,
  params: GetBatchJobParams,
  options?: RequestOptions,
): Promise<BatchJob> {
  assertUuid("job_id", params?.job_id);
  const { job_id, inline } = params;
  return callOperation(
    core,
    {
      name: "batch.jobs.get",
      idempotent: true,
      requiredFields: JOB_FIELDS,
      send: (o) => sdk.getBatchJob({ ...o, path: { job_id }, query: inline == null ? undefined : { inline } }),
    },
    options,
  );
}

/** Deletes a job. */
export function deleteBatchJob(
  core: MistralBatchCore,
  params: JobIdParams,
  options?: RequestOptions,
): Promise<DeleteBatchJobResponse> {
  assertUuid("job_id", params?.job_id);
  return callOperation(
    core,
    {
      name: "batch.jobs.delete",
      idempotent: true,
      requiredFields: { deleted: "boolean" },
      send: (o) => sdk.deleteBatchJob({ ...o, path: { job_id: params.job_id } }),
    },
    options,
  );
}

/** Asks for a job's cancellation: it moves to CANCELLATION_REQUESTED, later CANCELLED. */
export function cancelBatchJob(
  core: MistralBatchCore,
  params: JobIdParams,
  options?: RequestOptions,
): Promise<BatchJob> {
  assertUuid("job_id", params?.job_id);
  return callOperation(
    core,
    {
      name: "batch.jobs.cancel",
      idempotent: true,
      requiredFields: JOB_FIELDS,
      send: (o) => sdk.cancelBatchJob({ ...o, path: { job_id: params.job_id } }),
    },
    options,
  );
}

function toIsoDate(value: Date | string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidRequestError("created_after", `expected a date, got ${JSON.stringify(value)}`);
  }
  return date.toISOString();
}

function validateCreateParams(params: CreateBatchJobParams): void {
  if (typeof params?.endpoint !== "string" || !params.endpoint.startsWith("/")) {
    throw new InvalidRequestError("endpoint", "expected an API path such as /v1/chat/completions");
  }
  const hasFiles = params.input_files != null;
  const hasRequests = params.requests != null;
  if (hasFiles === hasRequests) {
    throw new InvalidRequestError("input_files", "give exactly one of input_files and requests");
  }
  if (hasFiles) validateInputFiles(params.input_files as unknown[]);
  if (hasRequests) validateInlineRequests(params.requests as unknown[]);
  assertOptionalInteger("timeout_hours", params.timeout_hours, 1, Number.MAX_SAFE_INTEGER);
  validateMetadata(params.metadata);
}

function validateInputFiles(files: unknown[]): void {
  if (!Array.isArray(files) || files.length === 0) {
    throw new InvalidRequestError("input_files", "expected a non-empty array of file ids");
  }
  files.forEach((id, index) => {
    if (!isUuid(id)) throw new InvalidRequestError(`input_files[${index}]`, "expected a file id (UUID)");
  });
}

function validateInlineRequests(requests: unknown[]): void {
  if (!Array.isArray(requests) || requests.length === 0) {
    throw new InvalidRequestError("requests", "expected a non-empty array of requests");
  }
  if (requests.length > MAX_INLINE_REQUESTS) {
    throw new InvalidRequestError(
      "requests",
      `at most ${MAX_INLINE_REQUESTS} inline requests, got ${requests.length}; upload a file instead`,
    );
  }
  requests.forEach((request, index) => {
    const body = (request as { body?: unknown } | null)?.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new InvalidRequestError(`requests[${index}].body`, "expected an object");
    }
  });
}

function validateMetadata(metadata: Record<string, unknown> | null | undefined): void {
  if (metadata == null) return;
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length < 1 || key.length > 32) {
      throw new InvalidRequestError(`metadata.${key}`, "keys have 1 to 32 characters");
    }
    if (typeof value !== "string" || value.length < 1 || value.length > 512) {
      throw new InvalidRequestError(`metadata.${key}`, "values are strings of 1 to 512 characters");
    }
  }
}
