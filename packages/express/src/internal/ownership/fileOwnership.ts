import { SCAN_PAGE_SIZE } from "../../defaults.js";
import { fileNotFound } from "../core/errors.js";
import type { OnCallerGone, ProxyContext } from "../core/ProxyContext.js";
import { upstreamJson } from "../upstream/upstream.js";
import { hasTag } from "./fileTag.js";
import { filesOfJob, isOwnedBy } from "./jobOwnership.js";
import { appendMetadataFilter, ownerFilter } from "./metadataFilter.js";

/**
 * Pages of the owner's jobs searched for a file that is not their upload: 20 pages
 * of 1,000 jobs. Past that the file is treated as not theirs (fail closed).
 */
export const MAX_JOB_PAGES_SEARCHED = 20;

/**
 * Input files one job may name: checking each costs an upstream read with the
 * shared key, so a create makes at most 32 reads, `MAX_JOB_PAGES_SEARCHED` job
 * pages and the create itself. 32 files of 512 MB hold 16 GB, more than a job
 * of 1,000,000 requests of 6 KB needs.
 */
export const MAX_INPUT_FILES = 32;

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
  const [file] = await getAccessibleFiles(context, userId, [fileId], onGone);
  return file!;
}

/**
 * `getAccessibleFile` for several files at once, in one read per file and, for
 * the files the caller did not upload, one search of their jobs for them all.
 * Throws the 404 of the first file they may not use.
 */
export async function getAccessibleFiles(
  context: ProxyContext,
  userId: string,
  fileIds: readonly string[],
  onGone: OnCallerGone | undefined,
): Promise<FileRecord[]> {
  const files: FileRecord[] = [];
  for (const fileId of fileIds) files.push(await readFile(context, fileId, onGone));
  const tag = await context.tagOf(userId);
  const notUploaded = fileIds.filter((_, index) => !hasTag(tag, files[index]!.filename));
  const [unreachable] = await filesOutsideOwnedJobs(context, userId, notUploaded, onGone);
  if (unreachable !== undefined) throw fileNotFound(unreachable);
  return files;
}

async function readFile(context: ProxyContext, fileId: string, onGone: OnCallerGone | undefined): Promise<FileRecord> {
  const file = await upstreamJson(context.upstream, {
    method: "GET",
    path: `/v1/files/${fileId}`,
    onGone,
    notFound: () => fileNotFound(fileId),
  });
  if (typeof file !== "object" || file === null) throw fileNotFound(fileId);
  return file as FileRecord;
}

/**
 * Searches the owner's jobs for ones that refer to the files and returns the
 * files none refers to. The owner filter goes upstream, and each job's owner is
 * checked again here, so an upstream that ignores the filter costs more pages
 * but never grants access.
 */
async function filesOutsideOwnedJobs(
  context: ProxyContext,
  userId: string,
  fileIds: readonly string[],
  onGone: OnCallerGone | undefined,
): Promise<string[]> {
  const outside = new Set(fileIds);
  const filter = ownerFilter({}, context.ownerKey, userId);
  let seen = 0;
  for (let page = 0; page < MAX_JOB_PAGES_SEARCHED && outside.size > 0; page++) {
    const pageQuery = new URLSearchParams({ page: String(page), page_size: String(SCAN_PAGE_SIZE) });
    const list = (await upstreamJson(context.upstream, {
      method: "GET",
      path: "/v1/batch/jobs",
      query: appendMetadataFilter(pageQuery, filter),
      onGone,
      notFound: () => fileNotFound(fileIds[0]!),
    })) as { data?: unknown; total?: unknown };
    const jobs = Array.isArray(list?.data) ? list.data : [];
    for (const job of jobs) {
      if (isOwnedBy(job, context.ownerKey, userId)) for (const id of filesOfJob(job)) outside.delete(id);
    }
    seen += jobs.length;
    // An upstream may serve smaller pages than asked for: stop on `total`, or on an empty page.
    if (jobs.length === 0 || (typeof list.total === "number" && seen >= list.total)) break;
  }
  return [...outside];
}
