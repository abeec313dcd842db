import { readGetJobQuery } from "@mistral-batch/client/contract";
import { readJsonBody } from "../body/readBody.js";
import { validateCreateBody } from "../body/validateCreateBody.js";
import { invalidField, invalidRequest, jobNotFound } from "../core/errors.js";
import { jsonAnswer, type ProxyAnswer } from "../core/ProxyAnswer.js";
import type { OperationInput, ProxyContext } from "../core/ProxyContext.js";
import { getAccessibleFiles, MAX_INPUT_FILES } from "../ownership/fileOwnership.js";
import { assertUuidParam, getOwnedJob } from "../ownership/jobOwnership.js";
import { listOwnedJobs } from "../ownership/listOwnedJobs.js";
import { ownerFilter } from "../ownership/metadataFilter.js";
import { upstreamJson } from "../upstream/upstream.js";
import { parseListQuery } from "./parseListQuery.js";

/** GET /v1/batch/jobs: the caller's jobs only, with `total` counting only theirs (see `listOwnedJobs`). */
export async function listJobs(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const parsed = parseListQuery(input.query);
  if ("issues" in parsed) throw invalidRequest(parsed.issues);
  const { params, metadata } = parsed.value;
  const page = Number(params.get("page") ?? 0);
  const pageSize = Number(params.get("page_size") ?? 100);
  const filter = ownerFilter(metadata, context.ownerKey, input.userId);
  const { data, total } = await listOwnedJobs(context, { params, filter, page, pageSize, onGone: input.onGone });
  return jsonAnswer(200, { data, object: "list", total }, context.upstream.apiKey);
}

/** POST /v1/batch/jobs: validated, input files checked for access, owner stamped into metadata. */
export async function createJob(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const body = await readJsonBody(input.headers, input.body(), context.limits.jsonBody);
  const checked = validateCreateBody(body);
  if ("issues" in checked) throw invalidRequest(checked.issues);
  const job = checked.value;
  const inputFiles = job.input_files ?? [];
  if (inputFiles.length > MAX_INPUT_FILES) {
    throw invalidField(["body", "input_files"], `A job takes at most ${MAX_INPUT_FILES} input files`);
  }
  // A job may only read files its owner may read, or it would leak them through its results.
  await getAccessibleFiles(context, input.userId, [...new Set(inputFiles)], input.onGone);
  job.metadata = { ...job.metadata, [context.ownerKey]: input.userId };
  const created = await upstreamJson(context.upstream, {
    method: "POST",
    path: "/v1/batch/jobs",
    json: job,
    onGone: input.onGone,
  });
  return jsonAnswer(200, created, context.upstream.apiKey);
}

/**
 * GET /v1/batch/jobs/:job_id, with `inline=true` for results: the caller's jobs only.
 * Inline results are asked for only once the job is known to be the caller's: the
 * upstream may refuse them (too many results, say), and that refusal would tell
 * another user the job exists. A plain get reads and checks in one call.
 */
export async function getJob(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  const jobId = assertUuidParam("job_id", input.id);
  const { query, issues } = readGetJobQuery(input.query);
  if (issues.length > 0) throw invalidRequest(issues);
  if (query.inline) return actOnOwnedJob(context, input, jobId, { method: "GET", query: INLINE_QUERY });
  const job = await getOwnedJob(context, input.userId, jobId, input.onGone);
  return jsonAnswer(200, job, context.upstream.apiKey);
}

const INLINE_QUERY = new URLSearchParams({ inline: "true" });

/** POST /v1/batch/jobs/:job_id/cancel: the caller's jobs only. */
export function cancelJob(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  return actOnOwnedJob(context, input, assertUuidParam("job_id", input.id), { method: "POST", suffix: "/cancel" });
}

/** DELETE /v1/batch/jobs/:job_id: the caller's jobs only. */
export function deleteJob(context: ProxyContext, input: OperationInput): Promise<ProxyAnswer> {
  return actOnOwnedJob(context, input, assertUuidParam("job_id", input.id), { method: "DELETE" });
}

/** The call made on a job once it is known to be the caller's. */
interface JobAct {
  method: "GET" | "POST" | "DELETE";
  suffix?: string;
  query?: URLSearchParams;
}

async function actOnOwnedJob(
  context: ProxyContext,
  input: OperationInput,
  jobId: string,
  { method, suffix = "", query }: JobAct,
): Promise<ProxyAnswer> {
  // Ownership is read first; it cannot change afterwards, as no route edits a job's metadata.
  await getOwnedJob(context, input.userId, jobId, input.onGone);
  const result = await upstreamJson(context.upstream, {
    method,
    path: `/v1/batch/jobs/${jobId}${suffix}`,
    query,
    onGone: input.onGone,
    notFound: () => jobNotFound(jobId),
  });
  return jsonAnswer(200, result, context.upstream.apiKey);
}
