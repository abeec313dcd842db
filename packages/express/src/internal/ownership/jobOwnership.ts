import { isUuid } from "@mistral-batch/client/contract";
import { invalidField, jobNotFound } from "../core/errors.js";
import type { OnCallerGone, ProxyContext } from "../core/ProxyContext.js";
import { upstreamJson } from "../upstream/upstream.js";

/** The fields of a job the proxy reads. */
export interface JobRecord {
  id?: unknown;
  metadata?: unknown;
  input_files?: unknown;
  output_file?: unknown;
  error_file?: unknown;
  [field: string]: unknown;
}

/** True when the job's metadata names `userId` as its owner. */
export function isOwnedBy(job: unknown, ownerKey: string, userId: string): job is JobRecord {
  if (typeof job !== "object" || job === null) return false;
  const metadata = (job as JobRecord).metadata;
  return typeof metadata === "object" && metadata !== null && Object.hasOwn(metadata, ownerKey)
    ? (metadata as Record<string, unknown>)[ownerKey] === userId
    : false;
}

/** Throws 400 unless `id` is a UUID. */
export function assertUuidParam(name: "job_id" | "file_id", id: string | null): string {
  if (!isUuid(id)) throw invalidField(["path", name], "expected a UUID");
  return id;
}

/**
 * Reads a job, with no query, and returns it only if `userId` owns it; otherwise
 * throws the same 404 a missing job gets, so another user's job ids reveal nothing.
 */
export async function getOwnedJob(
  context: ProxyContext,
  userId: string,
  jobId: string,
  onGone: OnCallerGone | undefined,
): Promise<JobRecord> {
  const job = await upstreamJson(context.upstream, {
    method: "GET",
    path: `/v1/batch/jobs/${jobId}`,
    onGone,
    notFound: () => jobNotFound(jobId),
  });
  if (!isOwnedBy(job, context.ownerKey, userId)) throw jobNotFound(jobId);
  return job;
}

/** The ids of the files a job refers to: its inputs, its output and its error file. */
export function filesOfJob(job: JobRecord): string[] {
  const inputs = Array.isArray(job.input_files) ? job.input_files : [];
  return [...inputs, job.output_file, job.error_file].filter((id): id is string => typeof id === "string");
}
