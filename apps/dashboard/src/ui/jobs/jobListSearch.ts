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

const DEFAULTS: JobListSearch = {
  status: [],
  model: "",
  createdAfter: "",
  metadata: "",
  order: "-created",
  page: 0,
  pageSize: 20,
};

function count(value: string | null, fallback: number, allowed?: readonly number[]): number {
  const n = Number(value);
  if (value === null || !Number.isInteger(n) || n < 0) return fallback;
  return allowed && !allowed.includes(n) ? fallback : n;
}

/** Reads the query string, ignoring anything malformed (a hand-edited URL falls back to defaults). */
export function readJobListSearch(search: URLSearchParams): JobListSearch {
  return {
    status: search.getAll("status").filter((s): s is KnownBatchJobStatus => STATUSES.includes(s as never)),
    model: search.get("model") ?? "",
    createdAfter: search.get("created_after") ?? "",
    metadata: search.get("metadata") ?? "",
    order: search.get("order") === "created" ? "created" : "-created",
    page: count(search.get("page"), DEFAULTS.page),
    pageSize: count(search.get("page_size"), DEFAULTS.pageSize, PAGE_SIZES),
  };
}

/** Writes the query string, leaving out what equals the default, so the plain URL is the default list. */
export function writeJobListSearch(value: JobListSearch): string {
  const search = new URLSearchParams();
  for (const status of value.status) search.append("status", status);
  if (value.model) search.set("model", value.model);
  if (value.createdAfter) search.set("created_after", value.createdAfter);
  if (value.metadata) search.set("metadata", value.metadata);
  if (value.order !== DEFAULTS.order) search.set("order", value.order);
  if (value.page !== DEFAULTS.page) search.set("page", String(value.page));
  if (value.pageSize !== DEFAULTS.pageSize) search.set("page_size", String(value.pageSize));
  const text = search.toString();
  return text ? `?${text}` : "";
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
