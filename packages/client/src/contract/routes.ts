/** Every batch and files operation of `openapi/mistral-batch.yaml` (a test holds the two together). */
export const API_ROUTES = [
  { operation: "batch.jobs.list", method: "GET", path: "/v1/batch/jobs" },
  { operation: "batch.jobs.create", method: "POST", path: "/v1/batch/jobs" },
  { operation: "batch.jobs.get", method: "GET", path: "/v1/batch/jobs/{job_id}" },
  { operation: "batch.jobs.delete", method: "DELETE", path: "/v1/batch/jobs/{job_id}" },
  { operation: "batch.jobs.cancel", method: "POST", path: "/v1/batch/jobs/{job_id}/cancel" },
  { operation: "files.upload", method: "POST", path: "/v1/files" },
  { operation: "files.list", method: "GET", path: "/v1/files" },
  { operation: "files.retrieve", method: "GET", path: "/v1/files/{file_id}" },
  { operation: "files.delete", method: "DELETE", path: "/v1/files/{file_id}" },
  { operation: "files.download", method: "GET", path: "/v1/files/{file_id}/content" },
  { operation: "files.getSignedUrl", method: "GET", path: "/v1/files/{file_id}/url" },
] as const;

/** One operation of the API: its name (as the client's errors and the proxy's `authorize` say it), method and
 * path template (`{job_id}` and `{file_id}` stand for one segment). */
export type ApiRoute = (typeof API_ROUTES)[number];

/** The name of an API operation, such as `batch.jobs.get`. */
export type ApiOperation = ApiRoute["operation"];

/** A request that names an operation, with its path parameters, still raw (a malformed id is for the reader to refuse). */
export interface RouteMatch {
  operation: ApiOperation;
  params: Record<string, string>;
}

/** No operation: `allow` lists the methods the path takes (405), empty when no route has the path (404). */
export interface RouteMiss {
  operation: null;
  allow: string[];
}

interface CompiledRoute {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = API_ROUTES.map((route) => {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const source = route.path.replace(/\{\w+\}/g, "([^/]+)");
  return { route, names, pattern: new RegExp(`^${source}$`) };
});

/**
 * Finds the operation for a method and a path relative to the API's root (one trailing slash is tolerated).
 * Segments are matched loosely (`[^/]+`), so a malformed id reaches its reader and gets the API's answer.
 */
export function matchApiRoute(method: string, path: string): RouteMatch | RouteMiss {
  const normalized = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  const allow: string[] = [];
  for (const { route, pattern, names } of COMPILED) {
    const match = pattern.exec(normalized);
    if (!match) continue;
    if (route.method !== method.toUpperCase()) {
      allow.push(route.method);
      continue;
    }
    return {
      operation: route.operation,
      params: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ""])),
    };
  }
  return { operation: null, allow };
}

/** The route of an operation. */
export function routeOf(operation: ApiOperation): ApiRoute {
  const route = API_ROUTES.find((candidate) => candidate.operation === operation);
  if (!route) throw new TypeError(`Unknown API operation ${operation}`);
  return route;
}
