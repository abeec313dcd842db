import type { ValidationIssue } from "../errors.js";
import { SIGNED_URL_EXPIRY_HOURS } from "../fileTypes.js";
import { createFieldReader } from "./createFieldReader.js";

/** The query of a signed-URL request a server received, read and checked. */
export interface SignedUrlQueryReading {
  /** `expiry` in hours, 24 when the query leaves it out. */
  query: { expiry: number };
  /** Every parameter that breaks the spec, FastAPI style; empty when valid. */
  issues: ValidationIssue[];
}

/** Reads `GET /v1/files/{file_id}/url`'s query string on the server side: `expiry`, 1 to 168 hours. */
export function readSignedUrlQuery(search: URLSearchParams): SignedUrlQueryReading {
  const { min, max } = SIGNED_URL_EXPIRY_HOURS;
  const reader = createFieldReader("query", search, ["expiry"]);
  const expiry = reader.integer("expiry", min, max) ?? SIGNED_URL_EXPIRY_HOURS.default;
  return { query: { expiry }, issues: reader.issues };
}
