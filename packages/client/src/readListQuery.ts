import { MAX_PAGE_SIZE } from "./batchJobs.js";
import type { ValidationIssue } from "./errors.js";
import type { ListBatchJobsParams } from "./types.js";

/** The list query a server received, read and checked. */
export interface ListQueryReading {
  /** What the query asks for; `metadata` merges every style it can be sent in. */
  query: ListBatchJobsParams & { created_after?: string; status?: string[]; metadata?: Record<string, unknown> };
  /** Every parameter that breaks the spec, FastAPI style (`loc` starts with "query"); empty when valid. */
  issues: ValidationIssue[];
}

const SINGLE = ["page", "page_size", "model", "agent_id", "metadata", "created_after", "created_by_me", "order_by"];
const DEEP_METADATA = /^metadata\[(.+)\]$/;
const STATUS = /^[A-Z_]{1,64}$/;
const BOOLEANS: Record<string, boolean> = { true: true, false: false };

/**
 * Reads `GET /v1/batch/jobs`'s query string on the server side (the mock, the
 * proxy). `status` may repeat or hold commas. `metadata` may come as our
 * client's one JSON parameter, as `metadata[key]=value` (deepObject), or as
 * plain `key=value` pairs for keys the API does not know (the official SDK's
 * exploded form style): all are merged.
 */
export function readListQuery(search: URLSearchParams): ListQueryReading {
  const issues: ValidationIssue[] = [];
  const add = (name: string, msg: string, type: string) => issues.push({ loc: ["query", name], msg, type });
  const query: ListQueryReading["query"] = {};
  for (const name of SINGLE) if (search.getAll(name).length > 1) add(name, "Expected a single value", "value_error");
  const get = (name: string) => search.get(name) ?? undefined;

  const integer = (name: "page" | "page_size", min: number, max: number) => {
    const text = get(name);
    if (text === undefined) return;
    const value = /^-?\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(value))
      add(name, "Input should be a valid integer, unable to parse string as an integer", "int_parsing");
    else if (value < min) add(name, `Input should be greater than or equal to ${min}`, "greater_than_equal");
    else if (value > max) add(name, `Input should be less than or equal to ${max}`, "less_than_equal");
    else query[name] = value;
  };
  integer("page", 0, Number.MAX_SAFE_INTEGER);
  integer("page_size", 1, MAX_PAGE_SIZE);
  if (search.has("model")) query.model = get("model");
  if (search.has("agent_id")) query.agent_id = get("agent_id");
  readCreatedAfter(get("created_after"), query, add);
  const byMe = get("created_by_me");
  if (byMe !== undefined) {
    if (byMe in BOOLEANS) query.created_by_me = BOOLEANS[byMe];
    else add("created_by_me", "Input should be a valid boolean", "bool_parsing");
  }
  const orderBy = get("order_by");
  if (orderBy === "created" || orderBy === "-created") query.order_by = orderBy;
  else if (orderBy !== undefined) add("order_by", "Input should be 'created' or '-created'", "enum");
  const statuses = search.getAll("status").flatMap((value) => value.split(",").filter(Boolean));
  if (statuses.some((status) => !STATUS.test(status)))
    add("status", "Input should be a job status such as RUNNING", "enum");
  else if (statuses.length > 0) query.status = statuses;
  readMetadata(search, query, add);
  return { query, issues };
}

type Add = (name: string, msg: string, type: string) => void;

/** An ISO 8601 date-time, or epoch seconds as FastAPI allows, read as an ISO string. */
function readCreatedAfter(text: string | undefined, query: ListQueryReading["query"], add: Add): void {
  if (text === undefined) return;
  const date = /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  if (text === "" || Number.isNaN(date.getTime()))
    add("created_after", "Input should be a valid datetime or date", "datetime_from_date_parsing");
  else query.created_after = date.toISOString();
}

function readMetadata(search: URLSearchParams, query: ListQueryReading["query"], add: Add): void {
  const entries: Array<[string, unknown]> = [];
  const json = search.get("metadata");
  if (json !== null) {
    const parsed = parseJson(json);
    if (parsed === INVALID_JSON) add("metadata", "Invalid JSON", "json_invalid");
    else if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      add("metadata", "Input should be a valid dictionary", "dict_type");
    } else entries.push(...Object.entries(parsed));
  }
  for (const [name, value] of search) {
    const deep = DEEP_METADATA.exec(name)?.[1];
    if (deep !== undefined) entries.push([deep, value]);
    else if (isExplodedMetadataKey(name)) entries.push([name, value]);
  }
  // fromEntries keeps a "__proto__" name as plain data.
  if (json !== null || entries.length > 0) query.metadata = Object.fromEntries(entries);
}

const INVALID_JSON = Symbol("invalid JSON");

/**
 * True when a plain `name=value` pair is read as the metadata filter `name` (the exploded form): false for
 * the list's own parameters, `metadata[key]` and the empty name, so such keys can only go as JSON.
 */
export function isExplodedMetadataKey(name: string): boolean {
  return name !== "" && !isListParameter(name) && !DEEP_METADATA.test(name);
}

// A function rather than a module-level Set, which bundlers keep in every bundle of the client.
function isListParameter(name: string): boolean {
  return name === "status" || SINGLE.includes(name);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}
