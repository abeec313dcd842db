import type { ValidationIssue } from "../errors.js";
import { createFieldReader, definedOnly } from "./createFieldReader.js";

/** The query of a get-job request a server received, read and checked. */
export interface GetJobQueryReading {
  query: { inline?: boolean };
  /** Every parameter that breaks the spec, FastAPI style; empty when valid. */
  issues: ValidationIssue[];
}

/** Reads `GET /v1/batch/jobs/{job_id}`'s query string on the server side: `inline`, a boolean as FastAPI reads one. */
export function readGetJobQuery(search: URLSearchParams): GetJobQueryReading {
  const reader = createFieldReader("query", search, ["inline"]);
  return { query: definedOnly({ inline: reader.boolean("inline") }), issues: reader.issues };
}
