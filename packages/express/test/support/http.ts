import { expect } from "vitest";
import { SERVER_KEY, TOKENS } from "./startProxyApp.js";

/** An answer as a test reads it. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & { detail?: { loc: unknown[] }[] };
}

/**
 * One raw HTTP request as `user` (or anonymous); asserts the answer never
 * carries the server key nor an HTML page.
 */
export async function raw(
  base: string,
  user: keyof typeof TOKENS | null,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit } = {},
): Promise<RawAnswer> {
  const headers = new Headers(init.headers);
  if (user) headers.set("authorization", `Bearer ${TOKENS[user]}`);
  const response = await fetch(`${base}${path}`, { method, headers, body: init.body, duplex: "half" } as RequestInit);
  const text = await response.text();
  assertNoLeak(response.headers, text);
  let json: RawAnswer["json"] = {};
  if (text && response.headers.get("content-type")?.includes("json")) json = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, json };
}

/** The key is in no header and no body; no answer is an HTML page. */
export function assertNoLeak(headers: Headers, text: string): void {
  expect(text).not.toContain(SERVER_KEY);
  expect(text).not.toMatch(/<html|<!DOCTYPE|<pre>/i);
  for (const [, value] of headers) expect(value).not.toContain(SERVER_KEY);
}

/** The error locations of a 400 answer, as `query.page` strings. */
export function failingFields(answer: RawAnswer): string[] {
  return (answer.json.detail ?? []).map((issue) => issue.loc.join("."));
}
