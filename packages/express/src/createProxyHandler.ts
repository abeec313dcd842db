import { Readable } from "node:stream";
import { createProxyCore } from "./internal/createProxyCore.js";
import type { ProxyAnswer } from "./internal/ProxyAnswer.js";
import type { OnCallerGone } from "./internal/ProxyContext.js";
import type { MistralBatchProxyOptions, ProxyRequest } from "./types.js";

/** Answers one proxied request; `raw` is what `authorize` receives. */
export type ProxyHandler<TRequest> = (request: ProxyRequest, raw: TRequest) => Promise<Response>;

/**
 * The proxy without a framework, for hosts other than Express: it takes a
 * `ProxyRequest` and answers a web Response. It never throws: every failure
 * becomes a JSON error, and the API key never appears in an answer.
 */
export function createProxyHandler<TRequest>(options: MistralBatchProxyOptions<TRequest>): ProxyHandler<TRequest> {
  const core = createProxyCore(options);
  return async (request, raw) => {
    const onGone = request.signal && onAbort(request.signal);
    return toWebResponse(await core({ ...request, onGone }, raw));
  };
}

function onAbort(signal: AbortSignal): OnCallerGone {
  return (listener) => {
    if (signal.aborted) {
      listener();
      return () => {};
    }
    signal.addEventListener("abort", listener, { once: true });
    return () => signal.removeEventListener("abort", listener);
  };
}

function toWebResponse(answer: ProxyAnswer): Response {
  const body =
    typeof answer.body === "string" ? answer.body : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
