import type { ErrorResponse, HttpValidationError, ValidationIssue } from "@mistral-batch/client";
import { apiErrorBody, notFoundBody, validationErrorBody } from "@mistral-batch/client/contract";

/** One FastAPI validation issue, as in a 422 body's `detail`: the client's type. */
export type { ValidationIssue };

/**
 * An error the simulated API answers with: the HTTP status and the JSON body the real API would send.
 * The simulator's methods throw it; the handlers turn it into a response.
 */
export class SimulatedApiError extends Error {
  override readonly name = "SimulatedApiError";

  constructor(
    readonly status: number,
    readonly body: ErrorResponse | HttpValidationError | Record<string, unknown>,
  ) {
    super(describe(body));
  }

  /** A Mistral-style error: `{object: "error", message, type, param, code}`. */
  static api(status: number, message: string, code: string, type = "invalid_request_error"): SimulatedApiError {
    return new SimulatedApiError(status, apiErrorBody(message, { type, code }));
  }

  /** A 422 with FastAPI's `{detail: [{loc, msg, type}]}`. */
  static validation(issues: ValidationIssue[]): SimulatedApiError {
    return new SimulatedApiError(422, validationErrorBody(issues));
  }

  /** The 404 of a job or file that does not exist (or that the caller may not see): the proxy's body too. */
  static notFound(kind: "job" | "file", id: string): SimulatedApiError {
    return new SimulatedApiError(404, notFoundBody(kind, id));
  }

  /** The 401 for a missing, empty or wrong bearer token. */
  static unauthorized(): SimulatedApiError {
    return new SimulatedApiError(401, { message: "Unauthorized", request_id: globalThis.crypto.randomUUID() });
  }
}

function describe(body: SimulatedApiError["body"]): string {
  if ("detail" in body && Array.isArray(body.detail)) {
    return body.detail.map((d) => `${d.loc?.join(".")}: ${d.msg}`).join("; ");
  }
  return "message" in body && typeof body.message === "string" ? body.message : "Simulated API error";
}
