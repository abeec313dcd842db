import type { ValidationIssue } from "../errors.js";

/** The JSON body of the API's errors, as the mock and the proxy answer them. */
export interface ApiErrorBody {
  object: "error";
  message: string;
  type: string;
  param: string | null;
  code: string | null;
  /** The failing fields, FastAPI style, where the answer is about the request's fields. */
  detail?: ValidationIssue[];
}

/** A Mistral-style error body; `type` defaults to `invalid_request_error`. */
export function apiErrorBody(
  message: string,
  options: { type?: string; code?: string | null; detail?: ValidationIssue[] } = {},
): ApiErrorBody {
  const { type = "invalid_request_error", code = null, detail } = options;
  return { object: "error", message, type, param: null, code, ...(detail ? { detail } : {}) };
}

/** The 422 body FastAPI answers for a request that breaks the schema. */
export function validationErrorBody(issues: ValidationIssue[]): { detail: ValidationIssue[] } {
  return { detail: issues };
}

/**
 * The one 404 body of a job or file that does not exist, which the proxy also gives for another user's, so the
 * two cannot be told apart. The API documents no 404 body: this shape is our guess (the mock's README says so).
 */
export function notFoundBody(kind: "job" | "file", id: string): ApiErrorBody {
  const message = kind === "job" ? `Batch job ${id} not found.` : `File ${id} not found.`;
  return apiErrorBody(message, { type: "not_found_error", code: `${kind}_not_found` });
}
