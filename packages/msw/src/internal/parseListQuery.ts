import { MAX_PAGE_SIZE } from "@mistral-batch/client";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { ListJobsQuery } from "../types.js";
import { parseBool, parseInteger } from "./queryValues.js";

const KNOWN = new Set([
  "page",
  "page_size",
  "model",
  "agent_id",
  "metadata",
  "created_after",
  "created_by_me",
  "status",
  "order_by",
]);
const DEEP_METADATA = /^metadata\[(.+)\]$/;

/**
 * Reads the list query string. `status` may repeat; `metadata` is one JSON object, or `metadata[key]=value`
 * (deepObject), or plain `key=value` pairs for keys the API does not know (the official SDK's form style).
 */
export function parseListQuery(params: URLSearchParams): ListJobsQuery {
  const query: ListJobsQuery = {};
  const metadata: Record<string, unknown> = {};
  let hasMetadata = false;
  const get = (name: string) => params.get(name) ?? undefined;

  const page = get("page");
  if (page !== undefined) query.page = parseInteger(page, "page", 0, Number.MAX_SAFE_INTEGER);
  const pageSize = get("page_size");
  if (pageSize !== undefined) query.page_size = parseInteger(pageSize, "page_size", 1, MAX_PAGE_SIZE);
  if (params.has("model")) query.model = get("model");
  if (params.has("agent_id")) query.agent_id = get("agent_id");
  const createdAfter = get("created_after");
  if (createdAfter) query.created_after = createdAfter;
  const byMe = get("created_by_me");
  if (byMe !== undefined) query.created_by_me = parseBool(byMe, "created_by_me");
  const statuses = params
    .getAll("status")
    .flatMap((s) => s.split(","))
    .filter(Boolean);
  if (statuses.length) query.status = statuses;
  const orderBy = get("order_by");
  if (orderBy !== undefined) {
    if (orderBy !== "created" && orderBy !== "-created") {
      throw SimulatedApiError.validation([
        { loc: ["query", "order_by"], msg: "Input should be 'created' or '-created'", type: "enum" },
      ]);
    }
    query.order_by = orderBy;
  }

  const json = get("metadata");
  if (json) {
    Object.assign(metadata, parseMetadataJson(json));
    hasMetadata = true;
  }
  for (const [key, value] of params) {
    const deep = DEEP_METADATA.exec(key);
    if (deep?.[1] !== undefined) metadata[deep[1]] = value;
    else if (!KNOWN.has(key)) metadata[key] = value;
    else continue;
    hasMetadata = true;
  }
  if (hasMetadata) query.metadata = metadata;
  return query;
}

function parseMetadataJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw SimulatedApiError.validation([{ loc: ["query", "metadata"], msg: "Invalid JSON", type: "json_invalid" }]);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw SimulatedApiError.validation([
      { loc: ["query", "metadata"], msg: "Input should be a valid dictionary", type: "dict_type" },
    ]);
  }
  return value as Record<string, unknown>;
}
