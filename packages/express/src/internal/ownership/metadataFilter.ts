import { isExplodedMetadataKey } from "@mistral-batch/client/contract";
import { metadataKeyNotExplodable } from "../core/errors.js";

/** A list's metadata filter as the proxy sends it: every value as the text the query string carries. */
export type MetadataFilter = Record<string, string>;

/**
 * The caller's filter with the owner's key merged in (the owner's value wins). Throws 400 for a key the
 * exploded form cannot carry: `page=…` would be read upstream as the page, not as a metadata filter.
 */
export function ownerFilter(callerFilter: Record<string, unknown>, ownerKey: string, userId: string): MetadataFilter {
  const entries = Object.entries(callerFilter).map(([key, value]): [string, string] => {
    if (!isExplodedMetadataKey(key)) throw metadataKeyNotExplodable(key);
    return [key, typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)];
  });
  // fromEntries keeps a "__proto__" key as plain data; the owner's entry comes last, so it wins.
  return Object.fromEntries([...entries, [ownerKey, userId]]);
}

/** Appends each key of the filter as its own parameter (`?team=a&owner=alice`), as the official SDKs send it. */
export function appendMetadataFilter(params: URLSearchParams, filter: MetadataFilter): URLSearchParams {
  for (const [key, value] of Object.entries(filter)) params.append(key, value);
  return params;
}

/** True when the job's metadata holds every key of the filter with its value: what the upstream should have checked. */
export function matchesFilter(job: unknown, filter: MetadataFilter): boolean {
  if (typeof job !== "object" || job === null) return false;
  const metadata = (job as { metadata?: unknown }).metadata;
  if (typeof metadata !== "object" || metadata === null) return false;
  return Object.entries(filter).every(
    ([key, value]) => Object.hasOwn(metadata, key) && (metadata as Record<string, unknown>)[key] === value,
  );
}
