import { MAX_PAGE_SIZE } from "@mistral-batch/client";
import { fileTag, hasTag } from "./fileTag.js";
import { filesOfJob, isOwnedBy } from "./jobOwnership.js";
import type { OnCallerGone, ProxyContext } from "./ProxyContext.js";
import { fileNotFound } from "./ProxyError.js";
import { upstreamJson } from "./upstream.js";

/**
 * Pages of the owner's jobs searched for a file that is not their upload: 20 pages
 * of 1,000 jobs. Past that the file is treated as not theirs (fail closed).
 */
export const MAX_JOB_PAGES_SEARCHED = 20;

/** A file object as the upstream returns it. */
export type FileRecord = Record<string, unknown> & { filename?: unknown };

/**
 * Reads a file's metadata and returns it only if `userId` may use it: they
 * uploaded it (its stored name carries their tag) or one of their jobs refers
 * to it (input, output or error file). Otherwise throws the 404 of a missing file.
 */
export async function getAccessibleFile(
  context: ProxyContext,
  userId: string,
  fileId: string,
  onGone: OnCallerGone | undefined,
): Promise<FileRecord> {
  const file = await upstreamJson(context.upstream, {
    method: "GET",
    path: `/v1/files/${fileId}`,
    onGone,
    notFound: () => fileNotFound(fileId),
  });
  if (typeof file !== "object" || file === null) throw fileNotFound(fileId);
  const record = file as FileRecord;
  if (hasTag(fileTag(context.tagSecret, userId), record.filename)) return record;
  if (await isFileOfOwnedJob(context, userId, fileId, onGone)) return record;
  throw fileNotFound(fileId);
}

/**
 * Searches the owner's jobs for one that refers to the file. The owner filter
 * goes upstream, and each job's owner is checked again here, so an upstream
 * that ignores the filter costs more pages but never grants access.
 */
async function isFileOfOwnedJob(
  context: ProxyContext,
  userId: string,
  fileId: string,
  onGone: OnCallerGone | undefined,
): Promise<boolean> {
  const metadata = JSON.stringify({ [context.ownerKey]: userId });
  let seen = 0;
  for (let page = 0; page < MAX_JOB_PAGES_SEARCHED; page++) {
    const query = new URLSearchParams({ page: String(page), page_size: String(MAX_PAGE_SIZE), metadata });
    const list = (await upstreamJson(context.upstream, {
      method: "GET",
      path: "/v1/batch/jobs",
      query,
      onGone,
      notFound: () => fileNotFound(fileId),
    })) as { data?: unknown; total?: unknown };
    const jobs = Array.isArray(list?.data) ? list.data : [];
    for (const job of jobs) {
      if (isOwnedBy(job, context.ownerKey, userId) && filesOfJob(job).includes(fileId)) return true;
    }
    seen += jobs.length;
    // An upstream may serve smaller pages than asked for: stop on `total`, or on an empty page.
    if (jobs.length === 0 || (typeof list.total === "number" && seen >= list.total)) return false;
  }
  return false;
}
