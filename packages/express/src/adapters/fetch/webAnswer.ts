import type { ProxyAnswer } from "../../internal/core/ProxyAnswer.js";
import type { OnCallerGone } from "../../internal/core/ProxyContext.js";
import type { ByteStream } from "../../internal/upstream/transport.js";

/** A core answer as a web Response: JSON text, or its byte stream (a download, an event stream) as it is. */
export function toWebResponse(answer: ProxyAnswer): Response {
  const body = typeof answer.body === "string" ? answer.body : toReadableStream(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** A byte stream as a web ReadableStream, pulled (so with backpressure) when it is an async iterable. */
function toReadableStream(body: ByteStream): ReadableStream<Uint8Array> {
  if (body instanceof ReadableStream) return body;
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** `onGone` over an AbortSignal: the caller is gone once the signal aborts. */
export function onAbort(signal: AbortSignal): OnCallerGone {
  return (listener) => {
    if (signal.aborted) {
      listener();
      return () => {};
    }
    signal.addEventListener("abort", listener, { once: true });
    return () => signal.removeEventListener("abort", listener);
  };
}
