import type { ByteStream } from "../upstream/transport.js";
import { redact, redactHeaders } from "./redact.js";

/** Headers on every answer of the proxy: per-user data must not be cached or sniffed. */
const PRIVATE_HEADERS = {
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
};

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", ...PRIVATE_HEADERS };

/**
 * What an operation answers: JSON text or a byte stream (a download, an event stream). Plain data rather than
 * a web Response, so the Express adapter writes it straight onto the Node response; the fetch handler and
 * `createProxyHandler` turn it into a Response.
 */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | ByteStream;
}

/** A JSON answer with the key removed from every string in `body` and every header value. */
export function jsonAnswer(
  status: number,
  body: unknown,
  secret: string,
  headers: Record<string, string> = {},
): ProxyAnswer {
  return { status, headers: { ...redactHeaders(headers, secret), ...JSON_HEADERS }, body: redactedJson(body, secret) };
}

/** A download: the file's bytes, with the key removed from every header value. */
export function streamAnswer(headers: Record<string, string>, body: ByteStream, secret: string): ProxyAnswer {
  return { status: 200, headers: { ...redactHeaders(headers, secret), ...PRIVATE_HEADERS }, body };
}

/** `body` as JSON text without `secret` in any string, walking the value only when the text may hold the key. */
function redactedJson(body: unknown, secret: string): string {
  const text = JSON.stringify(body);
  // A key JSON writes without escapes appears verbatim in the text wherever a string holds it.
  const writtenVerbatim = JSON.stringify(secret) === `"${secret}"`;
  if (secret && writtenVerbatim && !text.includes(secret)) return text;
  return JSON.stringify(redact(body, secret));
}
