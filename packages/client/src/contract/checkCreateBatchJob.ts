import type { ValidationIssue } from "../errors.js";
import { isUuid } from "../internal/validate.js";
import { KNOWN_API_ENDPOINTS, MAX_INLINE_REQUESTS, MAX_TIMEOUT_HOURS } from "../types.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./jsonDepth.js";
import { boundIssue, enumIssue, type KnownValuesOption } from "./validationIssues.js";

/**
 * The `type` of the issue that breaks the API's rule beyond its schema: exactly
 * one of `input_files` and `requests`, and not empty. The API answers it with a
 * 400 rather than a 422.
 */
export const BATCH_INPUT_ISSUE = "invalid_batch_input";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An API path such as `/v1/chat/completions`: printable ASCII, no spaces. */
const ENDPOINT = /^\/[\x21-\x7e]{1,255}$/;

/**
 * Every way a create body breaks the spec's `BatchJobIn` and the API's rules,
 * as FastAPI reports them (`loc` starts with "body"); empty when it is valid.
 * The one check behind the client's refusal, the mock's 422 and the proxy's 400.
 * With `knownValuesOnly`, an endpoint that is not one of `KNOWN_API_ENDPOINTS`
 * is an `enum` issue, as the API's (the mock's choice); without, any API path
 * passes, so that an endpoint the API adds later works with a client built today.
 */
export function checkCreateBatchJob(body: unknown, options: KnownValuesOption = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (loc: Array<string | number>, msg: string, type: string) =>
    issues.push({ loc: ["body", ...loc], msg, type });
  if (!isObject(body)) {
    add([], "Input should be a valid dictionary or object to extract fields from", "model_attributes_type");
    return issues;
  }
  // The API's parser refuses the document before its fields are read.
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    add([], `JSON should nest at most ${MAX_JSON_DEPTH} levels deep`, "json_invalid");
    return issues;
  }
  if (body.endpoint === undefined) add(["endpoint"], "Field required", "missing");
  else if (options.knownValuesOnly && !KNOWN_API_ENDPOINTS.includes(body.endpoint as never)) {
    issues.push(enumIssue(["body", "endpoint"], KNOWN_API_ENDPOINTS, body.endpoint));
  } else if (typeof body.endpoint !== "string" || !ENDPOINT.test(body.endpoint)) {
    add(["endpoint"], "Input should be an API path such as /v1/chat/completions", "string_pattern_mismatch");
  }
  const { input_files: files, requests } = body;
  if ((files == null) === (requests == null)) {
    add(["input_files"], "Provide exactly one of input_files and requests", BATCH_INPUT_ISSUE);
  }
  if (files != null) checkInputFiles(files, add);
  if (requests != null) checkRequests(requests, add);
  for (const field of ["model", "agent_id"] as const) {
    if (body[field] != null && typeof body[field] !== "string")
      add([field], "Input should be a valid string", "string_type");
  }
  const hours = body.timeout_hours;
  if (hours !== undefined && !(typeof hours === "number" && Number.isSafeInteger(hours))) {
    add(["timeout_hours"], "Input should be a valid integer", "int_type");
  } else if (typeof hours === "number" && (hours < 1 || hours > MAX_TIMEOUT_HOURS)) {
    issues.push(boundIssue(["body", "timeout_hours"], hours < 1 ? { ge: 1 } : { le: MAX_TIMEOUT_HOURS }, hours));
  }
  checkMetadata(body.metadata, add);
  return issues;
}

type Add = (loc: Array<string | number>, msg: string, type: string) => void;

function checkInputFiles(files: unknown, add: Add): void {
  if (!Array.isArray(files)) add(["input_files"], "Input should be a valid list", "list_type");
  else if (files.length === 0) add(["input_files"], "input_files must not be empty", BATCH_INPUT_ISSUE);
  else {
    files.forEach((id, index) => {
      if (!isUuid(id)) add(["input_files", index], "Input should be a valid UUID", "uuid_parsing");
    });
  }
}

function checkRequests(requests: unknown, add: Add): void {
  if (!Array.isArray(requests)) add(["requests"], "Input should be a valid list", "list_type");
  else if (requests.length === 0) add(["requests"], "requests must not be empty", BATCH_INPUT_ISSUE);
  else if (requests.length > MAX_INLINE_REQUESTS) {
    const msg = `List should have at most ${MAX_INLINE_REQUESTS} items after validation, not ${requests.length}; upload a file instead`;
    add(["requests"], msg, "too_long");
  } else {
    for (const [index, request] of requests.entries()) checkRequest(request, index, add);
  }
}

function checkRequest(request: unknown, index: number, add: Add): void {
  if (!isObject(request)) add(["requests", index], "Input should be a valid dictionary", "dict_type");
  else {
    if (request.body === undefined) add(["requests", index, "body"], "Field required", "missing");
    else if (!isObject(request.body))
      add(["requests", index, "body"], "Input should be a valid dictionary", "dict_type");
    if (request.custom_id != null && typeof request.custom_id !== "string") {
      add(["requests", index, "custom_id"], "Input should be a valid string", "string_type");
    }
  }
}

function checkMetadata(metadata: unknown, add: Add): void {
  if (metadata == null) return;
  if (!isObject(metadata)) {
    add(["metadata"], "Input should be a valid dictionary", "dict_type");
    return;
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length < 1 || key.length > 32)
      add(["metadata", key], "Keys should have 1 to 32 characters", "string_too_long");
    if (typeof value !== "string") add(["metadata", key], "Input should be a valid string", "string_type");
    else if (value.length < 1 || value.length > 512) {
      add(["metadata", key], "Values should have 1 to 512 characters", "string_too_long");
    }
  }
}
