/** Server-sent events framing (the WHATWG HTML "server-sent events" format), for one-line data. */

const encoder = new TextEncoder();

/** One event: `id`, `event` and a single `data` line (JSON text holds no line break). */
export function sseEvent(id: string, event: string, data: string): Uint8Array {
  return encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
}

/** A comment line: ignored by clients, it keeps idle connections (and the proxies between) open. */
export function sseComment(text: string): Uint8Array {
  return encoder.encode(`: ${text}\n\n`);
}

/** Headers of an event stream: never cached, never buffered by a reverse proxy (nginx reads `x-accel-buffering`). */
export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
  "x-accel-buffering": "no",
});
