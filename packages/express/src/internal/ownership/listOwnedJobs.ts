import { SCAN_PAGE_SIZE } from "../../defaults.js";
import { tooManyToFilter } from "../core/errors.js";
import type { OnCallerGone, ProxyContext } from "../core/ProxyContext.js";
import { upstreamJson } from "../upstream/upstream.js";
import { appendMetadataFilter, type MetadataFilter, matchesFilter } from "./metadataFilter.js";

/**
 * Jobs read at most, in pages of `SCAN_PAGE_SIZE`, to filter a list here when the upstream ignores the owner
 * filter. Past it the list answers 502 rather than a partial page or `total`: a short count would pass for
 * the truth and silently hide the caller's older jobs, while the error tells them to narrow the list.
 */
export const MAX_JOBS_SCANNED = 10_000;

/** One page of the caller's jobs, with `total` counting only theirs. */
export interface OwnedJobPage {
  data: unknown[];
  total: number;
}

/** A page as the upstream answered it; without `total`, it cannot be trusted. */
interface UpstreamPage {
  data: unknown[];
  total: number | undefined;
}

/** A list request: the checked parameters (page and page_size apart) and the metadata filter with the owner's key. */
export interface JobListing {
  params: URLSearchParams;
  filter: MetadataFilter;
  page: number;
  pageSize: number;
  onGone: OnCallerGone | undefined;
}

/**
 * The requested page of the jobs matching the filter. The filter goes upstream; if the upstream ignored it
 * (its page holds another user's job, or a filter no job matches still finds some), the proxy reads the
 * whole list, filters it itself and slices the page, so data and `total` never depend on the upstream filtering.
 */
export async function listOwnedJobs(context: ProxyContext, listing: JobListing): Promise<OwnedJobPage> {
  const { page, pageSize } = listing;
  const { data, total } = await readPage(context, listing, listing.filter, page, pageSize);
  const clean = data.every((job) => matchesFilter(job, listing.filter));
  if (total !== undefined && clean && (isWholeList(data, total, page) || (await upstreamFilters(context, listing)))) {
    return { data, total };
  }
  const matches = await scanMatches(context, listing);
  return { data: matches.slice(page * pageSize, (page + 1) * pageSize), total: matches.length };
}

/** The first page held every job the upstream counted: whether it filtered or not, its total is this page's. */
function isWholeList(data: unknown[], total: number, page: number): boolean {
  return page === 0 && data.length === total;
}

/**
 * Asks for the jobs of an owner no one is, a random id: an upstream that filters finds none. Should a user
 * ever have that id, the only cost is a scan that was not needed.
 */
async function upstreamFilters(context: ProxyContext, listing: JobListing): Promise<boolean> {
  const probe = await readPage(context, listing, { [context.ownerKey]: crypto.randomUUID() }, 0, 1);
  return probe.total === 0 && probe.data.length === 0;
}

async function scanMatches(context: ProxyContext, listing: JobListing): Promise<unknown[]> {
  const matches: unknown[] = [];
  const seenIds = new Set<unknown>();
  let scanned = 0;
  for (let page = 0; ; page++) {
    if (scanned >= MAX_JOBS_SCANNED) throw tooManyToFilter("jobs", MAX_JOBS_SCANNED);
    const { data, total } = await readPage(context, listing, listing.filter, page, SCAN_PAGE_SIZE);
    for (const job of data) {
      // A job created while scanning shifts the pages by one; its neighbour must not be counted twice.
      const id = (job as { id?: unknown }).id;
      if (matchesFilter(job, listing.filter) && !seenIds.has(id)) matches.push(job);
      seenIds.add(id);
    }
    scanned += data.length;
    // An upstream may serve smaller pages than asked for: stop on `total`, or on an empty page.
    if (data.length === 0 || (total !== undefined && scanned >= total)) return matches;
  }
}

async function readPage(
  context: ProxyContext,
  listing: JobListing,
  filter: MetadataFilter,
  page: number,
  pageSize: number,
): Promise<UpstreamPage> {
  const query = new URLSearchParams(listing.params);
  query.set("page", String(page));
  query.set("page_size", String(pageSize));
  const list = await upstreamJson(context.upstream, {
    method: "GET",
    path: "/v1/batch/jobs",
    query: appendMetadataFilter(query, filter),
    onGone: listing.onGone,
  });
  const body = (typeof list === "object" && list !== null ? list : {}) as Record<string, unknown>;
  const data = Array.isArray(body.data) ? body.data : [];
  return { data, total: typeof body.total === "number" ? body.total : undefined };
}
