import { readListQuery } from "@mistral-batch/client/contract";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { ListJobsQuery } from "../types.js";

/** Reads the list query string with the client's `readListQuery`; a parameter that breaks the spec answers 422. */
export function parseListQuery(params: URLSearchParams): ListJobsQuery {
  const { query, issues } = readListQuery(params);
  if (issues.length > 0) throw SimulatedApiError.validation(issues);
  return query;
}
