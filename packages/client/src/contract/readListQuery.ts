import type { ValidationIssue } from "../errors.js";
import type { ListBatchJobsParams } from "../types.js";
import { createFieldReader, definedOnly } from "./createFieldReader.js";

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
const ORDER_BY = ["created", "-created"] as const;

/**
 * Reads `GET /v1/batch/jobs`'s query string on the server side (the mock, the
 * proxy). `status` may repeat or hold commas. `metadata` may come as our
 * client's one JSON parameter, as `metadata[key]=value` (deepObject), or as
 * plain `key=value` pairs for keys the API does not know (the official SDK's
 * exploded form style): all are merged. `page_size` has no maximum: the API
 * documents none.
 */
export function readListQuery(search: URLSearchParams): ListQueryReading {
  const reader = createFieldReader("query", search, SINGLE);
  const add: Add = (name, msg, type) => reader.add({ loc: ["query", name], msg, type });
  const query: ListQueryReading["query"] = definedOnly({
    page: reader.integer("page", 0),
    page_size: reader.integer("page_size", 1),
    model: reader.text("model"),
    agent_id: reader.text("agent_id"),
    created_after: readCreatedAfter(reader.text("created_after"), add),
    created_by_me: reader.boolean("created_by_me"),
    order_by: reader.oneOf("order_by", ORDER_BY),
  });
  const statuses = search.getAll("status").flatMap((value) => value.split(",").filter(Boolean));
  if (statuses.some((status) => !STATUS.test(status)))
    add("status", "Input should be a job status such as RUNNING", "enum");
  else if (statuses.length > 0) query.status = statuses;
  readMetadata(search, query, add);
  return { query, issues: reader.issues };
}

type Add = (name: string, msg: string, type: string) => void;

/** An ISO 8601 date-time, or epoch seconds as FastAPI allows, read as an ISO string. */
function readCreatedAfter(text: string | undefined, add: Add): string | undefined {
  if (text === undefined) return undefined;
  const date = /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  if (text !== "" && !Number.isNaN(date.getTime())) return date.toISOString();
  add("created_after", "Input should be a valid datetime or date", "datetime_from_date_parsing");
  return undefined;
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
