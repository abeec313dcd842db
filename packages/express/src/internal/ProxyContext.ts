import type { ProxyLimits } from "../types.js";
import type { UpstreamConfig } from "./upstream.js";

/** What every operation needs: resolved once per proxy, shared by every request. */
export interface ProxyContext {
  upstream: UpstreamConfig;
  limits: ProxyLimits;
  ownerKey: string;
  /** Keys the file tags; derived from the API key. */
  tagSecret: Buffer;
}

/** One authorized request as operations see it. */
export interface OperationInput {
  userId: string;
  /** The raw id path segment, for the routes that have one. */
  id: string | null;
  query: URLSearchParams;
  headers: Headers;
  body: () => ReadableStream<Uint8Array> | null;
  signal: AbortSignal | undefined;
}
