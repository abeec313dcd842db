import type { ValidationIssue } from "@mistral-batch/client";
import { type ApiErrorBody, apiErrorBody, notFoundBody } from "@mistral-batch/client/contract";

/** One failing field of a request, FastAPI style: `loc` is the path to the field. */
export type FieldIssue = ValidationIssue;

/** The JSON body of every error the proxy answers: the API's, from the shared contract. */
export type ErrorBody = ApiErrorBody;

/**
 * The catalogue of the proxy's errors: every error answer is built here, by a factory named after what went
 * wrong, and nowhere else, so statuses, types and messages stay consistent across operations and adapters.
 */

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

/** 404: no route of the proxy has this path. */
export function routeNotFound(): ProxyError {
  return new ProxyError(404, errorBody("No such route", "not_found_error"));
}

/** 405: the path is a route, not for this method; `allow` lists the methods it has. */
export function methodNotAllowed(allow: readonly string[]): ProxyError {
  return new ProxyError(405, errorBody("Method not allowed", "method_not_allowed"), { allow: allow.join(", ") });
}

/** 413 for a body over `limit` bytes. */
export function payloadTooLarge(limit: number): ProxyError {
  return new ProxyError(413, errorBody(`The request body is larger than ${limit} bytes`, "payload_too_large"));
}

/** 415: the body is not of the one content type the route reads. */
export function unsupportedMediaType(expected: "application/json" | "multipart/form-data"): ProxyError {
  return new ProxyError(415, errorBody(`Expected Content-Type: ${expected}`, "unsupported_media_type"));
}

/** 400: a multipart body the proxy cannot pass on; `message` says why and is safe to show. */
export function invalidMultipart(message: string): ProxyError {
  return new ProxyError(400, errorBody(message, "invalid_request_error"));
}

/** 400: a route that reads a body was sent none. */
export function missingBody(): ProxyError {
  return new ProxyError(400, errorBody("The request has no body", "invalid_request_error"));
}

/** 500: a host body parser mounted before the proxy took a body the proxy cannot rebuild (multipart). */
export function bodyConsumedByHost(): ProxyError {
  return new ProxyError(
    500,
    errorBody(
      "A body parser mounted before the proxy consumed this request's body; mount the proxy first",
      "internal_error",
    ),
  );
}

/** 504: the upstream did not answer within the proxy's `timeoutMs`. */
export function upstreamTimeout(timeoutMs: number): ProxyError {
  return new ProxyError(504, errorBody(`The Mistral API did not answer within ${timeoutMs} ms`, "upstream_timeout"));
}

/** An upstream 4XX passed on: its status, its sanitized body, and the few headers that may pass (`Retry-After`). */
export function upstreamRefused(status: number, body: ErrorBody, headers: Record<string, string>): ProxyError {
  return new ProxyError(status, body, headers);
}

/** 429: more event streams open than the proxy's caps allow (`scope` says which cap). */
export function tooManyStreams(scope: "user" | "total", cap: number): ProxyError {
  const whose = scope === "user" ? "for this user" : "on this server";
  return new ProxyError(
    429,
    errorBody(`Too many event streams open ${whose} (at most ${cap}); close one and retry`, "rate_limited"),
    { "retry-after": "5" },
  );
}

/** 500: a bug of ours, said without details; the cause stays on the server. */
export function internalError(): ProxyError {
  return new ProxyError(500, errorBody("Internal proxy error", "internal_error"));
}

/**
 * A host middleware's error (a body parser's 400 or 413) under the proxy's mount, as JSON: body-parser's
 * statuses keep their meaning, nothing else of the error is shown.
 */
export function hostRejected(error: unknown): ProxyError {
  const { status, statusCode, type } = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
  const code = typeof status === "number" ? status : statusCode;
  if (typeof code !== "number" || code < 400 || code > 499) {
    return new ProxyError(500, errorBody("Internal server error", "internal_error"));
  }
  const message =
    type === "entity.too.large"
      ? "The request body is larger than the host's body parser allows"
      : type === "entity.parse.failed"
        ? "The request body is not valid JSON"
        : "The request was rejected before it reached the proxy";
  return new ProxyError(code, errorBody(message, code === 413 ? "payload_too_large" : "invalid_request_error"));
}
