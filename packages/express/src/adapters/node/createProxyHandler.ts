import { createProxyCore } from "../../internal/core/createProxyCore.js";
import type { MistralBatchProxyOptions, ProxyRequest } from "../../types.js";
import { onAbort, toWebResponse } from "../fetch/webAnswer.js";
import { createHttpTransport } from "./httpTransport.js";

/** Answers one proxied request; `raw` is what `authorize` receives. */
export type ProxyHandler<TRequest> = (request: ProxyRequest, raw: TRequest) => Promise<Response>;

/**
 * The proxy without a framework, for Node hosts other than Express: it takes a `ProxyRequest` and answers a web
 * Response, calling the upstream with node:http (see `createFetchHandler` for other runtimes). It never throws:
 * every failure becomes a JSON error, and the API key never appears in an answer.
 */
export function createProxyHandler<TRequest>(options: MistralBatchProxyOptions<TRequest>): ProxyHandler<TRequest> {
  const core = createProxyCore(options, createHttpTransport);
  return async (request, raw) => {
    const onGone = request.signal && onAbort(request.signal);
    return toWebResponse(await core({ ...request, onGone }, raw));
  };
}
