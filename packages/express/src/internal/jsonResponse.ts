import { redact } from "./redact.js";

/** Headers on every JSON answer: per-user data must not be cached or sniffed. */
const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
};

/** A JSON Response with the key removed from every string in `body`. */
export function jsonResponse(
  status: number,
  body: unknown,
  secret: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(redact(body, secret)), { status, headers: { ...headers, ...JSON_HEADERS } });
}
