import { checkCreateBatchJob } from "../contract/checkCreateBatchJob.js";
import { isExplodedMetadataKey } from "../contract/readListQuery.js";
import type { MistralBatchCore } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import * as sdk from "../generated/sdk.gen.js";
import type { DeleteBatchJobResponse, ListBatchJobsData } from "../generated/types.gen.js";
import { assertOptionalOneOf, assertPaging, assertUuid } from "../internal/validate.js";
import { callOperation, type RequestOptions } from "../transport/callOperation.js";
import type {
  BatchJob,
  CreateBatchJobParams,
  GetBatchJobParams,
  JobIdParams,
  ListBatchJobsParams,
  ListBatchJobsResponse,
} from "../types.js";

const ORDER_BY = ["created", "-created"] as const;

/** What every job in a response has, checked before it is handed over. */
const JOB_FIELDS = { id: "string", status: "string" } as const;

/** Lists jobs, newest first unless `order_by` says otherwise. */
export async function listBatchJobs(
  core: MistralBatchCore,
  params: ListBatchJobsParams = {},
  options?: RequestOptions,
): Promise<ListBatchJobsResponse> {
  assertPaging(params);
  assertOptionalOneOf("order_by", params.order_by, ORDER_BY);
  assertExplodable(params.metadata);
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
export async function createBatchJob(
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
export async function getBatchJob(
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
export async function deleteBatchJob(
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
      // Only `id`: the API may leave `deleted` out, which then means true.
      requiredFields: { id: "string" },
      send: (o) => sdk.deleteBatchJob({ ...o, path: { job_id: params.job_id } }),
    },
    options,
  );
}

/** Asks for a job's cancellation: it moves to CANCELLATION_REQUESTED, later CANCELLED. */
export async function cancelBatchJob(
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

/** The metadata filter goes exploded (`?team=a`): a key named like a list parameter would be read as that parameter. */
function assertExplodable(metadata: ListBatchJobsParams["metadata"]): void {
  for (const key of Object.keys(metadata ?? {})) {
    if (!isExplodedMetadataKey(key)) {
      throw new InvalidRequestError(
        `metadata.${key}`,
        "not a possible filter key: each key is sent as a query parameter of its name",
      );
    }
  }
}

function toIsoDate(value: Date | string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidRequestError("created_after", `expected a date, got ${JSON.stringify(value)}`);
  }
  return date.toISOString();
}

/** Refuses a create body that breaks the spec, naming the first field at fault. */
function validateCreateParams(params: CreateBatchJobParams): void {
  const [issue] = checkCreateBatchJob(params);
  if (!issue) return;
  const field = issue.loc
    .slice(1)
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join("");
  throw new InvalidRequestError(field || "body", issue.msg);
}
