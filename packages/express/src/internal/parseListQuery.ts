import { MAX_PAGE_SIZE } from "@mistral-batch/client";
import type { FieldIssue } from "./ProxyError.js";

const SCALARS = ["page", "page_size", "model", "agent_id", "metadata", "created_after", "created_by_me", "order_by"];
const KNOWN = new Set([...SCALARS, "status"]);

/** The list query, checked; `metadata` merges our client's JSON parameter with the official SDK's exploded one. */
export interface ListQuery {
  params: URLSearchParams;
  metadata: Record<string, unknown>;
}

/**
 * Checks the list query against the spec and rebuilds it from known parameters only.
 * Our client sends `metadata` as one JSON parameter; the official SDK explodes it
 * into top-level parameters, so every unknown parameter is read as a metadata
 * entry, as is the deepObject style `metadata[key]=value`.
 */
export function parseListQuery(query: URLSearchParams): { value: ListQuery } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const params = new URLSearchParams();
  let entries: [string, unknown][] = [];
  for (const name of SCALARS) {
    const values = query.getAll(name);
    if (values.length > 1) issues.push(issue(name, "expected a single value"));
  }
  const single = (name: string) => query.get(name);
  checkInteger("page", single("page"), 0, Number.MAX_SAFE_INTEGER, params, issues);
  checkInteger("page_size", single("page_size"), 1, MAX_PAGE_SIZE, params, issues);
  for (const name of ["model", "agent_id"]) {
    const value = single(name);
    if (value !== null) params.set(name, value);
  }
  const createdAfter = single("created_after");
  if (createdAfter !== null) {
    const date = new Date(createdAfter);
    if (createdAfter === "" || Number.isNaN(date.getTime()))
      issues.push(issue("created_after", "expected a date-time"));
    else params.set("created_after", date.toISOString());
  }
  checkOneOf("created_by_me", single("created_by_me"), ["true", "false"], params, issues);
  checkOneOf("order_by", single("order_by"), ["created", "-created"], params, issues);
  for (const status of query.getAll("status").flatMap((value) => value.split(","))) {
    if (!/^[A-Z_]{1,64}$/.test(status)) issues.push(issue("status", "expected a job status such as RUNNING"));
    else params.append("status", status);
  }
  const json = single("metadata");
  if (json !== null) {
    const parsed = parseJsonObject(json);
    if (parsed) entries = Object.entries(parsed);
    else issues.push(issue("metadata", "expected a JSON object"));
  }
  for (const [name, value] of query) {
    const deep = /^metadata\[(.+)\]$/.exec(name)?.[1];
    if (deep !== undefined) entries.push([deep, value]);
    else if (!KNOWN.has(name) && name.length > 0) entries.push([name, value]);
  }
  // fromEntries keeps a "__proto__" name as plain data.
  return issues.length > 0 ? { issues } : { value: { params, metadata: Object.fromEntries(entries) } };
}

function checkInteger(
  name: string,
  value: string | null,
  min: number,
  max: number,
  params: URLSearchParams,
  issues: FieldIssue[],
): void {
  if (value === null) return;
  const number = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) issues.push(issue(name, `expected an integer from ${min} to ${max}`));
  else params.set(name, String(number));
}

function checkOneOf(
  name: string,
  value: string | null,
  allowed: string[],
  params: URLSearchParams,
  issues: FieldIssue[],
): void {
  if (value === null) return;
  if (!allowed.includes(value)) issues.push(issue(name, `expected one of ${allowed.join(", ")}`));
  else params.set(name, value);
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function issue(name: string, msg: string): FieldIssue {
  return { loc: ["query", name], msg, type: "value_error" };
}
