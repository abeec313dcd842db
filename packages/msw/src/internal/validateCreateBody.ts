import { type CreateBatchJobParams, isUuid, MAX_INLINE_REQUESTS } from "@mistral-batch/client";
import { SimulatedApiError, type ValidationIssue } from "../SimulatedApiError.js";

type Loc = (string | number)[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(issues: ValidationIssue[], value: unknown, loc: Loc): void {
  if (value != null && typeof value !== "string")
    issues.push({ loc, msg: "Input should be a valid string", type: "string_type" });
}

function checkInputFiles(issues: ValidationIssue[], value: unknown): void {
  if (value == null) return;
  if (!Array.isArray(value)) {
    issues.push({ loc: ["body", "input_files"], msg: "Input should be a valid list", type: "list_type" });
    return;
  }
  value.forEach((id, i) => {
    if (!isUuid(id))
      issues.push({ loc: ["body", "input_files", i], msg: "Input should be a valid UUID", type: "uuid_parsing" });
  });
}

function checkRequests(issues: ValidationIssue[], value: unknown): void {
  if (value == null) return;
  if (!Array.isArray(value)) {
    issues.push({ loc: ["body", "requests"], msg: "Input should be a valid list", type: "list_type" });
    return;
  }
  if (value.length > MAX_INLINE_REQUESTS) {
    const msg = `List should have at most ${MAX_INLINE_REQUESTS} items after validation, not ${value.length}`;
    issues.push({ loc: ["body", "requests"], msg, type: "too_long" });
    return;
  }
  value.forEach((request, i) => {
    const loc = ["body", "requests", i];
    if (!isObject(request)) {
      issues.push({ loc, msg: "Input should be a valid dictionary or object", type: "model_attributes_type" });
      return;
    }
    if (request.body === undefined) issues.push({ loc: [...loc, "body"], msg: "Field required", type: "missing" });
    else if (!isObject(request.body)) {
      issues.push({ loc: [...loc, "body"], msg: "Input should be a valid dictionary", type: "dict_type" });
    }
    optionalString(issues, request.custom_id, [...loc, "custom_id"]);
  });
}

function checkMetadata(issues: ValidationIssue[], value: unknown): void {
  if (value == null) return;
  if (!isObject(value)) {
    issues.push({ loc: ["body", "metadata"], msg: "Input should be a valid dictionary", type: "dict_type" });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const loc = ["body", "metadata", key];
    if (key.length < 1 || key.length > 32) {
      issues.push({ loc: [...loc, "[key]"], msg: "Key should have 1 to 32 characters", type: "string_too_long" });
    }
    if (typeof item !== "string") issues.push({ loc, msg: "Input should be a valid string", type: "string_type" });
    else if (item.length < 1 || item.length > 512) {
      issues.push({ loc, msg: "Value should have 1 to 512 characters", type: "string_too_long" });
    }
  }
}

/**
 * Checks a create body the way the API's schema does (422 with FastAPI's details), then the rules beyond the schema
 * (400): exactly one of `input_files` and `requests`, neither empty.
 */
export function validateCreateBody(body: unknown): CreateBatchJobParams {
  if (!isObject(body)) {
    throw SimulatedApiError.validation([
      {
        loc: ["body"],
        msg: "Input should be a valid dictionary or object to extract fields from",
        type: "model_attributes_type",
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  if (body.endpoint === undefined) issues.push({ loc: ["body", "endpoint"], msg: "Field required", type: "missing" });
  else if (typeof body.endpoint !== "string") {
    issues.push({ loc: ["body", "endpoint"], msg: "Input should be a valid string", type: "string_type" });
  }
  checkInputFiles(issues, body.input_files);
  checkRequests(issues, body.requests);
  optionalString(issues, body.model, ["body", "model"]);
  optionalString(issues, body.agent_id, ["body", "agent_id"]);
  checkMetadata(issues, body.metadata);
  const hours = body.timeout_hours;
  if (hours !== undefined && !(typeof hours === "number" && Number.isInteger(hours))) {
    issues.push({ loc: ["body", "timeout_hours"], msg: "Input should be a valid integer", type: "int_type" });
  } else if (typeof hours === "number" && hours < 1) {
    issues.push({
      loc: ["body", "timeout_hours"],
      msg: "Input should be greater than or equal to 1",
      type: "greater_than_equal",
    });
  }
  if (issues.length) throw SimulatedApiError.validation(issues);

  const files = body.input_files as string[] | null | undefined;
  const requests = body.requests as unknown[] | null | undefined;
  if ((files == null) === (requests == null)) {
    throw SimulatedApiError.api(400, "Provide exactly one of input_files and requests.", "invalid_batch_input");
  }
  if ((files ?? requests)?.length === 0) {
    throw SimulatedApiError.api(400, `${files ? "input_files" : "requests"} must not be empty.`, "invalid_batch_input");
  }
  return body as unknown as CreateBatchJobParams;
}
