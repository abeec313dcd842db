import { type ErrorBody, errorBody, type FieldIssue } from "../core/errors.js";

const MAX_ERROR_BODY = 64 * 1024;

/**
 * Keeps only the fields of the API's error shape from an upstream 4XX body,
 * so nothing else it carries (headers echoed back, debug data) reaches the caller.
 */
export function sanitizeErrorBody(status: number, text: string): ErrorBody {
  const parsed = text.length <= MAX_ERROR_BODY ? parseJson(text) : undefined;
  const fallback = `The Mistral API answered ${status}`;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return errorBody(fallback, "upstream_error");
  const source = parsed as Record<string, unknown>;
  const body = errorBody(
    typeof source.message === "string" ? source.message : fallback,
    typeof source.type === "string" ? source.type : "upstream_error",
  );
  if (typeof source.param === "string") body.param = source.param;
  if (typeof source.code === "string" || typeof source.code === "number") body.code = String(source.code);
  const detail = Array.isArray(source.detail) ? source.detail.flatMap(toIssue) : [];
  if (detail.length > 0) body.detail = detail;
  if (body.message === fallback && detail.length > 0) body.message = detail.map((issue) => issue.msg).join("; ");
  return body;
}

function toIssue(item: unknown): FieldIssue[] {
  if (typeof item !== "object" || item === null) return [];
  const { loc, msg, type } = item as Record<string, unknown>;
  if (!Array.isArray(loc) || typeof msg !== "string") return [];
  return [
    {
      loc: loc.filter((part): part is string | number => typeof part === "string" || typeof part === "number"),
      msg,
      type: typeof type === "string" ? type : "value_error",
    },
  ];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
