import { HTTPValidationError, SDKError, type ValidationIssue } from "../errors.js";

/**
 * The one place where a 4XX/5XX answer becomes an error: 422 with a FastAPI
 * `detail` list is an HTTPValidationError, anything else an SDKError.
 */
export function errorFromResponse(operation: string, response: Response, body: unknown): SDKError {
  const init = { statusCode: response.status, body, headers: response.headers };
  const summary = describeBody(body);
  const message = `${operation} failed: HTTP ${response.status}${summary ? `: ${summary}` : ""}`;
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (response.status === 422 && Array.isArray(detail)) {
    return new HTTPValidationError(message, { ...init, detail: detail as ValidationIssue[] });
  }
  return new SDKError(message, init);
}

const MAX_SUMMARY_LENGTH = 300;

/** A short, human summary of an error body: its message if it has one. */
function describeBody(body: unknown): string {
  const { message, detail } = (body ?? {}) as { message?: unknown; detail?: unknown };
  const summary =
    typeof body === "string"
      ? body
      : typeof message === "string"
        ? message
        : Array.isArray(detail)
          ? detail
              .map((issue: Partial<ValidationIssue>) => `${issue.loc?.join(".") ?? "?"}: ${issue.msg ?? ""}`)
              .join("; ")
          : typeof detail === "string"
            ? detail
            : "";
  return summary.slice(0, MAX_SUMMARY_LENGTH);
}
