/** A query string as the routes read it: each key's value, or its values when it repeats. */
export type RawSearch = Record<string, string | string[]>;

/**
 * The router's `parseSearch`: plain `URLSearchParams`, a repeated key becoming an array. TanStack Router's default
 * JSON-encodes values (`?status=%5B%22RUNNING%22%5D`); this keeps URLs as people and curl write them
 * (`?status=RUNNING&status=FAILED&page=2`), and each route's `validateSearch` gives the values their types.
 */
export function parseSearch(searchStr: string): RawSearch {
  const search: RawSearch = {};
  for (const [key, value] of new URLSearchParams(searchStr)) {
    const seen = search[key];
    search[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return search;
}

/** The router's `stringifySearch`, the inverse of `parseSearch`: arrays repeat their key; empty values are left out. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === "") continue;
      params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
