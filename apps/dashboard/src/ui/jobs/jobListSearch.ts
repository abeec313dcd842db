import type { KnownBatchJobStatus, ListBatchJobsParams, OrderBy } from "@mistral-batch/client";
import { STATUSES } from "../common/constants.js";
import { parseMetadata } from "../common/parseMetadata.js";

/** The jobs page's filters, order and page, as they live in the URL's query string. */
export interface JobListSearch {
  status: KnownBatchJobStatus[];
  model: string;
  /** A `datetime-local` value (local time), or "". */
  createdAfter: string;
  /** `key=value` pairs separated by commas, or "". */
  metadata: string;
  order: OrderBy;
  /** 0-based. */
  page: number;
  pageSize: number;
}

/** Page sizes offered under the table. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** The default list: the search the plain `/` URL stands for (the router strips these values from URLs). */
export const JOB_LIST_DEFAULTS: JobListSearch = {
  status: [],
  model: "",
  createdAfter: "",
  metadata: "",
  order: "-created",
  page: 0,
  pageSize: 20,
};

function count(value: unknown, fallback: number, allowed?: readonly number[]): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isInteger(n) || n < 0) return fallback;
  return allowed && !allowed.includes(n) ? fallback : n;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The route's `validateSearch`: types the query string's values, ignoring anything malformed (a hand-edited URL
 * falls back to defaults).
 */
export function readJobListSearch(search: Record<string, unknown>): JobListSearch {
  const statuses = Array.isArray(search.status) ? search.status : search.status === undefined ? [] : [search.status];
  return {
    status: statuses.filter((s): s is KnownBatchJobStatus => STATUSES.includes(s as never)),
    model: text(search.model),
    createdAfter: text(search.createdAfter),
    metadata: text(search.metadata),
    order: search.order === "created" ? "created" : "-created",
    page: count(search.page, JOB_LIST_DEFAULTS.page),
    pageSize: count(search.pageSize, JOB_LIST_DEFAULTS.pageSize, PAGE_SIZES),
  };
}

/** The `batch.jobs.list` parameters for these filters; metadata that does not parse is left out. */
export function toListParams(value: JobListSearch): ListBatchJobsParams {
  const created = value.createdAfter ? new Date(value.createdAfter) : null;
  const metadata = parseMetadata(value.metadata);
  return {
    page: value.page,
    page_size: value.pageSize,
    order_by: value.order,
    ...(value.status.length > 0 && { status: value.status }),
    ...(value.model && { model: value.model }),
    ...(created && !Number.isNaN(created.getTime()) && { created_after: created.toISOString() }),
    ...(metadata.ok && Object.keys(metadata.metadata).length > 0 && { metadata: metadata.metadata }),
  };
}
