import { InvalidRequestError } from "../errors.js";
import type { Client } from "../generated/client/index.js";

/** What the generated SDK functions pass to their client, as far as this API uses it. */
interface SdkRequest {
  url: string;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Absent: JSON. `null`: the body is sent as it is. A function: the SDK's own (FormData for uploads). */
  bodySerializer?: ((body: unknown) => unknown) | null;
  /** A `null` value removes a header (the SDK clears Content-Type for multipart). */
  headers?: Record<string, string | null | undefined>;
  security?: unknown[];
  parseAs?: "json" | "stream";
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  duplex?: "half";
}

/** What `callOperation` reads back: the response and its body, parsed. */
export interface SdkResult {
  response: Response;
  /** The parsed body of a 2XX: JSON, or the byte stream when `parseAs` is "stream". */
  data?: unknown;
  /** The body of a 4XX/5XX: JSON when it parses, else the raw text. */
  error?: unknown;
}

/** Options of `createFetchClient`. */
export interface FetchClientOptions {
  baseUrl: string;
  auth?: string | (() => string | Promise<string>);
  headers?: Record<string, string>;
}

/**
 * The transport the generated SDK functions run on, in place of hey-api's
 * runtime client: it builds the URL, query, headers and body from what the SDK
 * passes, sends them through the given fetch (our retrying wrapper) and reads
 * the answer. A few hundred bytes where hey-api's general-purpose client weighs
 * several kilobytes; the SDK calls only `get`, `post` and `delete`.
 * The server URL, the client-wide headers and a key given as a string are checked here, when
 * the client is made; per-call headers and a key from a function, per call.
 */
export function createFetchClient(options: FetchClientOptions): Client {
  const baseUrl = absoluteBaseUrl(options.baseUrl);
  // Headers travel as a plain record of lower-cased names: fetch copies a record without the sorted walk a Headers
  // instance costs it, and each value is checked once, where it is set (a Headers instance here does the checking).
  const check = new Headers();
  const shared: Record<string, string> = {};
  const set = (headers: Record<string, string>, name: string, value: string, field?: string) => {
    setHeader(check, name, value, field);
    headers[name.toLowerCase()] = value;
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) set(shared, name, value);
  const authorize = (headers: Record<string, string>, token: string) =>
    set(headers, "Authorization", `Bearer ${token}`, "apiKey");
  if (typeof options.auth === "string") authorize({}, options.auth);
  const send = (method: string) => async (sdk: SdkRequest) => {
    const headers = { ...shared };
    for (const [name, value] of Object.entries(sdk.headers ?? {})) {
      if (value == null) delete headers[name.toLowerCase()];
      else set(headers, name, value);
    }
    const token = typeof options.auth === "function" ? await options.auth() : options.auth;
    if (sdk.security?.length && token) authorize(headers, token);
    let body = sdk.body;
    if (body !== undefined && sdk.bodySerializer !== null) {
      body = sdk.bodySerializer ? sdk.bodySerializer(body) : JSON.stringify(body);
    }
    if (body === undefined) delete headers["content-type"];
    const init = { method, headers, body: body as BodyInit | undefined, duplex: sdk.duplex };
    const response = await sdk.fetch(baseUrl + expandPath(sdk.url, sdk.path) + toQueryString(sdk.query), init);
    if (response.ok && sdk.parseAs === "stream") return { response, data: response.body } satisfies SdkResult;
    const text = await response.text();
    if (response.ok) return { response, data: text === "" ? undefined : JSON.parse(text) } satisfies SdkResult;
    return { response, error: parseOrKeep(text) } satisfies SdkResult;
  };
  // The SDK's `Client` type describes hey-api's whole client; the SDK calls only these three methods.
  return { get: send("GET"), post: send("POST"), delete: send("DELETE") } as unknown as Client;
}

/**
 * Resolves the server URL as a browser's fetch would, against the page; where there is no page (Node) a
 * relative one is refused now rather than failing every call, retried for minutes.
 */
function absoluteBaseUrl(serverURL: string): string {
  try {
    return new URL(serverURL, (globalThis as { location?: { href: string } }).location?.href).href.replace(/\/+$/, "");
  } catch {
    throw new InvalidRequestError("serverURL", "not an absolute URL, and there is no page to resolve it against");
  }
}

/**
 * Sets a header, or refuses it with an error that names `field` and never the
 * value: fetch's own error quotes the value, which may be the API key.
 */
function setHeader(headers: Headers, name: string, value: string, field = `headers.${name}`): void {
  try {
    headers.set(name, value);
  } catch {
    throw new InvalidRequestError(field, "not a valid HTTP header value");
  }
}

function expandPath(url: string, path: Record<string, unknown> = {}): string {
  return url.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(path[name])));
}

/**
 * Arrays repeat their key (`status=A&status=B`); an object goes exploded, each of its keys its own parameter
 * (`team=a&n=1`), as the official SDKs send the metadata filter; null and undefined are left out.
 */
function toQueryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const pairs = Array.isArray(value)
      ? value.map((item) => [name, item])
      : value && typeof value === "object"
        ? Object.entries(value)
        : [[name, value]];
    for (const [key, item] of pairs) {
      if (item != null) search.append(key, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  const serialized = search.toString();
  return serialized ? `?${serialized}` : "";
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
