import { createProxyCore } from "../../internal/core/createProxyCore.js";
import { routeNotFound } from "../../internal/core/errors.js";
import type { MistralBatchProxyOptions } from "../../types.js";
import { createFetchTransport } from "./fetchTransport.js";
import { onAbort, toWebResponse } from "./webAnswer.js";

/** Options of `createFetchHandler`: the proxy's, with `authorize` given the web Request, and the mount. */
export interface FetchHandlerOptions extends MistralBatchProxyOptions<Request> {
  /**
   * The path the proxy is mounted at (`/api/mistral`), stripped from each request's path; `""` (the default)
   * mounts it at the root. A request outside it answers 404.
   */
  basePath?: string | undefined;
  /** The `fetch` the upstream is called with: the runtime's own by default. */
  fetch?: typeof fetch | undefined;
}

/** Answers one web Request with a web Response; never rejects. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * The proxy for any runtime with web `Request` and `Response` (Next.js route handlers, Hono, Bun, Deno, edge
 * runtimes): the same core as `mistralBatchProxy`, calling the upstream with `fetch`. It never rejects: every
 * failure becomes a JSON error, and the API key never appears in an answer.
 *
 * @example
 * const handle = createFetchHandler({ apiKey, authorize: userOf, basePath: "/api/mistral" });
 * export { handle as GET, handle as POST, handle as DELETE };
 */
export function createFetchHandler(options: FetchHandlerOptions): FetchHandler {
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  if (basePath !== "" && !basePath.startsWith("/")) {
    throw new TypeError("createFetchHandler: `basePath` must start with a slash");
  }
  const fetchImpl = options.fetch;
  const core = createProxyCore(options, (serverUrl) => createFetchTransport(serverUrl, fetchImpl));
  return async (request) => {
    const { pathname, search } = new URL(request.url);
    const inside = pathname === basePath || pathname.startsWith(`${basePath}/`);
    if (!inside) return toWebResponse(core.errorAnswer(routeNotFound()));
    const answer = await core(
      {
        method: request.method,
        url: (pathname.slice(basePath.length) || "/") + search,
        headers: request.headers,
        body: () => request.body,
        onGone: onAbort(request.signal),
      },
      request,
    );
    return toWebResponse(answer);
  };
}
