import { readListQuery } from "@mistral-batch/client/contract";
import type { FieldIssue } from "../core/errors.js";

/** The list query, checked and rebuilt from known parameters; `metadata` apart, to merge the owner filter in. */
export interface ListQuery {
  params: URLSearchParams;
  metadata: Record<string, unknown>;
}

/**
 * Checks the list query with the client's `readListQuery` (every metadata style
 * merged) and rebuilds it from known parameters only, so nothing unchecked goes upstream.
 */
export function parseListQuery(search: URLSearchParams): { value: ListQuery } | { issues: FieldIssue[] } {
  const { query, issues } = readListQuery(search);
  if (issues.length > 0) return { issues };
  const { metadata = {}, status = [], ...scalars } = query;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(scalars)) if (value != null) params.set(name, String(value));
  for (const item of status) params.append("status", item);
  return { value: { params, metadata } };
}
