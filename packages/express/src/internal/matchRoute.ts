import type { ProxyOperation } from "../types.js";

/** A matched route: the operation and the raw id segment, if the path has one. */
export interface RouteMatch {
  operation: ProxyOperation;
  id: string | null;
}

/** No operation matched: `allow` lists the methods the path takes, empty for an unknown path. */
export interface RouteMiss {
  operation: null;
  allow: string[];
}

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, ProxyOperation>>;
}

// Ids are matched loosely ([^/]+) so a malformed one gets 400 from validation, not 404.
const ROUTES: Route[] = [
  { pattern: /^\/v1\/batch\/jobs$/, methods: { GET: "batch.jobs.list", POST: "batch.jobs.create" } },
  { pattern: /^\/v1\/batch\/jobs\/([^/]+)$/, methods: { GET: "batch.jobs.get", DELETE: "batch.jobs.delete" } },
  { pattern: /^\/v1\/batch\/jobs\/([^/]+)\/cancel$/, methods: { POST: "batch.jobs.cancel" } },
  { pattern: /^\/v1\/files$/, methods: { POST: "files.upload" } },
  { pattern: /^\/v1\/files\/([^/]+)$/, methods: { GET: "files.retrieve", DELETE: "files.delete" } },
  { pattern: /^\/v1\/files\/([^/]+)\/content$/, methods: { GET: "files.download" } },
];

/** Finds the operation for a method and a path under the mount (one trailing slash is tolerated). */
export function matchRoute(method: string, path: string): RouteMatch | RouteMiss {
  const normalized = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  for (const route of ROUTES) {
    const match = route.pattern.exec(normalized);
    if (!match) continue;
    const operation = route.methods[method.toUpperCase()];
    if (!operation) return { operation: null, allow: Object.keys(route.methods) };
    return { operation, id: match[1] ?? null };
  }
  return { operation: null, allow: [] };
}
