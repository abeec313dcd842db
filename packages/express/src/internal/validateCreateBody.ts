import { isUuid, MAX_INLINE_REQUESTS } from "@mistral-batch/client";
import type { FieldIssue } from "./ProxyError.js";

/** A create body reduced to the fields of the spec's BatchJobIn. */
export interface CreateBody {
  endpoint: string;
  input_files?: string[];
  requests?: { custom_id?: string | null; body: Record<string, unknown> }[];
  model?: string | null;
  agent_id?: string | null;
  metadata?: Record<string, string>;
  timeout_hours?: number;
}

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a create body against the spec (BatchJobIn) and returns it without
 * unknown fields, or the list of every failing field.
 */
export function validateCreateBody(body: unknown): { value: CreateBody } | { issues: FieldIssue[] } {
  if (!isObject(body)) return { issues: [issue([], "expected a JSON object", "type_error")] };
  const issues: FieldIssue[] = [];
  const value: CreateBody = { endpoint: body.endpoint as string };
  if (typeof body.endpoint !== "string" || !/^\/[\x21-\x7e]{1,255}$/.test(body.endpoint)) {
    issues.push(issue(["endpoint"], "expected an API path such as /v1/chat/completions"));
  }
  const hasFiles = body.input_files != null;
  const hasRequests = body.requests != null;
  if (hasFiles === hasRequests) issues.push(issue(["input_files"], "give exactly one of input_files and requests"));
  if (hasFiles) value.input_files = checkInputFiles(body.input_files, issues);
  if (hasRequests) value.requests = checkRequests(body.requests, issues);
  for (const field of ["model", "agent_id"] as const) {
    const item = body[field];
    if (item === undefined) continue;
    if (item !== null && typeof item !== "string") issues.push(issue([field], "expected a string or null"));
    else value[field] = item;
  }
  if (body.metadata != null) value.metadata = checkMetadata(body.metadata, issues);
  if (body.timeout_hours !== undefined) {
    const hours = body.timeout_hours;
    if (typeof hours !== "number" || !Number.isSafeInteger(hours) || hours < 1) {
      issues.push(issue(["timeout_hours"], "expected an integer of at least 1"));
    } else value.timeout_hours = hours;
  }
  return issues.length > 0 ? { issues } : { value };
}

function checkInputFiles(files: unknown, issues: FieldIssue[]): string[] {
  if (!Array.isArray(files) || files.length === 0) {
    issues.push(issue(["input_files"], "expected a non-empty array of file ids"));
    return [];
  }
  files.forEach((id, index) => {
    if (!isUuid(id)) issues.push(issue(["input_files", index], "expected a file id (UUID)"));
  });
  return files as string[];
}

function checkRequests(requests: unknown, issues: FieldIssue[]): CreateBody["requests"] {
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > MAX_INLINE_REQUESTS) {
    issues.push(issue(["requests"], `expected an array of 1 to ${MAX_INLINE_REQUESTS} requests`));
    return [];
  }
  return requests.map((request: unknown, index) => {
    if (!isObject(request) || !isObject(request.body)) {
      issues.push(issue(["requests", index, "body"], "expected an object"));
      return { body: {} };
    }
    const customId = request.custom_id;
    if (customId != null && typeof customId !== "string") {
      issues.push(issue(["requests", index, "custom_id"], "expected a string or null"));
    }
    return customId === undefined
      ? { body: request.body }
      : { custom_id: customId as string | null, body: request.body };
  });
}

function checkMetadata(metadata: unknown, issues: FieldIssue[]): Record<string, string> {
  if (!isObject(metadata)) {
    issues.push(issue(["metadata"], "expected an object of strings"));
    return {};
  }
  for (const [key, item] of Object.entries(metadata)) {
    if (key.length < 1 || key.length > 32) issues.push(issue(["metadata", key], "keys have 1 to 32 characters"));
    if (typeof item !== "string" || item.length < 1 || item.length > 512) {
      issues.push(issue(["metadata", key], "values are strings of 1 to 512 characters"));
    }
  }
  return metadata as Record<string, string>;
}

function issue(loc: (string | number)[], msg: string, type = "value_error"): FieldIssue {
  return { loc: ["body", ...loc], msg, type };
}
