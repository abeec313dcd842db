import type { ProxyLimits, ProxyRequest } from "../../types.js";
import type { JobWatchers } from "../events/JobWatchers.js";
import type { OnCallerGone, UpstreamConfig } from "../upstream/transport.js";

export type { OnCallerGone } from "../upstream/transport.js";

/** What every operation needs: resolved once per proxy, shared by every request. */
export interface ProxyContext {
  upstream: UpstreamConfig;
  limits: ProxyLimits;
  ownerKey: string;
  /** The tag of a user's uploads (see `fileTag`), keyed by a secret derived from the API key. */
  tagOf: (userId: string) => Promise<string>;
  /** The shared watchers of the jobs that event streams follow, and the streams' caps. */
  events: JobWatchers;
}

/** The request headers the core reads, by lower-case name: a web `Headers` is one, a Node request gives another. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** A request as the core sees it: `ProxyRequest` with headers it only reads, and `onGone` for its signal. */
export interface CoreRequest extends Omit<ProxyRequest, "headers" | "signal"> {
  headers: HeaderReader;
  onGone?: OnCallerGone | undefined;
}

/** One authorized request as operations see it. */
export interface OperationInput {
  userId: string;
  /** The raw id path segment, for the routes that have one. */
  id: string | null;
  query: URLSearchParams;
  headers: HeaderReader;
  body: () => ReadableStream<Uint8Array> | null;
  onGone: OnCallerGone | undefined;
}
