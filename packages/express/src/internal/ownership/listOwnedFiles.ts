import type { ListFilesParams } from "@mistral-batch/client";
import { SCAN_PAGE_SIZE } from "../../defaults.js";
import { tooManyToFilter } from "../core/errors.js";
import type { OnCallerGone, ProxyContext } from "../core/ProxyContext.js";
import { upstreamJson } from "../upstream/upstream.js";
import type { FileRecord } from "./fileOwnership.js";
import { hasTag, untagFilename } from "./fileTag.js";

/**
 * Files read at most, in pages of `SCAN_PAGE_SIZE`, to list one caller's uploads. Past it the list answers 502
 * rather than a partial page or `total` that would pass for the truth.
 */
export const MAX_FILES_SCANNED = 10_000;

/** A file list request, read by `readFileListQuery`, from one caller. */
export interface FileListing {
  query: ListFilesParams;
  /** The caller's upload tag: their files are stored as `<tag>.<name>`. */
  tag: string;
  onGone: OnCallerGone | undefined;
}

/** One page of the caller's files, named as they uploaded them, and `total` counting only theirs. */
export interface OwnedFilePage {
  data: FileRecord[];
  total: number;
}

/**
 * The requested page of the files the caller uploaded through the proxy. The upstream is asked for the files
 * whose name holds the caller's tag (`search`), with the caller's other filters, and every file is checked here
 * again, so what the upstream's `search` matches (undocumented) narrows the scan but never decides who sees what.
 * The caller's own `search` is matched here, on the names as they uploaded them, whatever the case.
 */
export async function listOwnedFiles(context: ProxyContext, listing: FileListing): Promise<OwnedFilePage> {
  const { page = 0, page_size: pageSize = 100, search } = listing.query;
  const wanted = search?.toLowerCase();
  const matches: FileRecord[] = [];
  const seenIds = new Set<unknown>();
  let scanned = 0;
  for (let upstreamPage = 0; ; upstreamPage++) {
    if (scanned >= MAX_FILES_SCANNED) throw tooManyToFilter("files", MAX_FILES_SCANNED);
    const { data, total } = await readPage(context, listing, upstreamPage);
    for (const file of data) {
      // A file uploaded while scanning shifts the pages by one; its neighbour must not be counted twice.
      if (seenIds.has(file.id) || !hasTag(listing.tag, file.filename)) continue;
      seenIds.add(file.id);
      const shown = { ...file, filename: untagFilename(listing.tag, file.filename as string) };
      if (!wanted || shown.filename.toLowerCase().includes(wanted)) matches.push(shown);
    }
    scanned += data.length;
    if (data.length === 0 || (total !== undefined && scanned >= total)) break;
  }
  return { data: matches.slice(page * pageSize, (page + 1) * pageSize), total: matches.length };
}

async function readPage(
  context: ProxyContext,
  listing: FileListing,
  page: number,
): Promise<{ data: FileRecord[]; total: number | undefined }> {
  const { purpose, sample_type, source, mimetypes } = listing.query;
  const query = new URLSearchParams({ page: String(page), page_size: String(SCAN_PAGE_SIZE), search: listing.tag });
  query.set("include_total", "true");
  if (purpose != null) query.set("purpose", purpose);
  for (const [name, values] of Object.entries({ sample_type, source, mimetypes })) {
    for (const value of values ?? []) query.append(name, value);
  }
  const list = await upstreamJson(context.upstream, {
    method: "GET",
    path: "/v1/files",
    query,
    onGone: listing.onGone,
  });
  const body = (typeof list === "object" && list !== null ? list : {}) as Record<string, unknown>;
  const data = (Array.isArray(body.data) ? body.data : []).filter(
    (file): file is FileRecord => typeof file === "object" && file !== null,
  );
  return { data, total: typeof body.total === "number" ? body.total : undefined };
}
