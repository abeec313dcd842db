import type { TransportAnswer, UpstreamTransport } from "../../internal/upstream/transport.js";

/**
 * The upstream reached with the runtime's `fetch`: the one way every runtime has. Redirects are not followed
 * (an upstream 3XX becomes a 502). On Node 20, fetch keeps a streamed request body in memory until it ends
 * (nodejs/undici#4058): large uploads on Node belong on the Express middleware.
 */
export function createFetchTransport(serverUrl: string, fetchImpl: typeof fetch = globalThis.fetch): UpstreamTransport {
  const base = serverUrl.replace(/\/+$/, "");
  // Checked once, so that a bad server URL fails when the handler is made rather than on every request.
  new URL(base);
  return {
    send(init) {
      const controller = new AbortController();
      const streamed = typeof init.body === "object";
      const answer = fetchImpl(base + init.path, {
        method: init.method,
        headers: init.headers,
        body: init.body ?? null,
        redirect: "manual",
        signal: controller.signal,
        ...(streamed && { duplex: "half" }),
      } as RequestInit).then(webAnswer);
      return { answer, abort: () => controller.abort() };
    },
  };
}

function webAnswer(response: Response): TransportAnswer {
  return {
    status: response.status,
    header: (name) => response.headers.get(name),
    text: () => response.text(),
    body: () => response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() }),
  };
}
