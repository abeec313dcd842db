import type { ValidationIssue } from "@mistral-batch/client";
import { type ApiErrorBody, apiErrorBody, notFoundBody } from "@mistral-batch/client/contract";

/** One failing field of a request, FastAPI style: `loc` is the path to the field. */
export type FieldIssue = ValidationIssue;

/** The JSON body of every error the proxy answers: the API's, from the shared contract. */
export type ErrorBody = ApiErrorBody;

/**
 * An answer the proxy gives instead of a result: a status, a JSON body and a
 * few safe headers. Thrown anywhere in the core and turned into an answer in one place.
 */
export class ProxyError extends Error {
  override readonly name = "ProxyError";

  constructor(
    readonly status: number,
    readonly body: ErrorBody | Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`);
  }
}

/** Builds a Mistral-style error body. */
export function errorBody(message: string, type: string, detail?: FieldIssue[]): ErrorBody {
  return apiErrorBody(message, detail ? { type, detail } : { type });
}

/** 400 listing every failing field. */
export function invalidRequest(issues: FieldIssue[]): ProxyError {
  const fields = issues.map((issue) => issue.loc.join(".")).join(", ");
  return new ProxyError(400, errorBody(`Invalid request: ${fields}`, "invalid_request_error", issues));
}

/** 400 for one malformed field. */
export function invalidField(loc: (string | number)[], msg: string): ProxyError {
  return invalidRequest([{ loc, msg, type: "value_error" }]);
}

/**
 * 400: a metadata filter key named like a list parameter (`page`, `status`...). The filter goes upstream
 * as one parameter per key, as the official SDKs send it, where such a key would be read as the parameter.
 */
export function metadataKeyNotExplodable(key: string): ProxyError {
  const msg = `The metadata filter key ${JSON.stringify(key)} cannot be used: it is a list parameter name`;
  return new ProxyError(
    400,
    errorBody(msg, "invalid_request_error", [{ loc: ["query", "metadata", key], msg, type: "value_error" }]),
  );
}

/** 400: a JSON body that does not parse (or is not UTF-8). */
export function invalidJson(): ProxyError {
  return new ProxyError(400, errorBody("The request body is not valid JSON", "invalid_request_error"));
}

/** 400: a JSON body nested deeper than the proxy reads. */
export function jsonTooDeep(maxDepth: number): ProxyError {
  return new ProxyError(
    400,
    errorBody(`The request body nests arrays and objects deeper than ${maxDepth} levels`, "invalid_request_error"),
  );
}

/** 502: the upstream's answer cannot be passed on. */
export function badGateway(message: string): ProxyError {
  return new ProxyError(502, errorBody(message, "upstream_error"));
}

/**
 * 502: to list the caller's jobs (when the upstream ignores the owner filter) or files, the proxy would have to
 * read more than it filters itself; the message says how to narrow the list.
 */
export function tooManyToFilter(kind: "jobs" | "files", maxScanned: number): ProxyError {
  const narrow = kind === "jobs" ? "status, model or created_after" : "purpose, source or mimetypes";
  return badGateway(
    `The list holds more than the ${maxScanned} ${kind} the proxy filters itself to keep it to yours; narrow it with ${narrow}`,
  );
}

/** 499, nginx's status: the caller went away before its answer (no one reads it; `onRequest` does). */
export function clientClosedRequest(): ProxyError {
  return new ProxyError(499, errorBody("The client went away", "client_closed_request"));
}

/** 401: `authorize` gave no usable user id. */
export function unauthorized(): ProxyError {
  return new ProxyError(401, errorBody("Unauthorized", "unauthorized"));
}

/** The one body every missing, or someone else's, job gets: the two cannot be told apart. */
export function jobNotFound(jobId: string): ProxyError {
  return new ProxyError(404, notFoundBody("job", jobId));
}

/** The one body every missing, or someone else's, file gets. */
export function fileNotFound(fileId: string): ProxyError {
  return new ProxyError(404, notFoundBody("file", fileId));
}
