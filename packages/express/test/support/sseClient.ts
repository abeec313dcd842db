/** One server-sent event as a client reads it. */
export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/** An EventSource-style client over `fetch`: the answer's status, the events and comments read so far. */
export interface SseClient {
  status: number;
  headers: Headers;
  /** The JSON body of an answer that is not a stream. */
  json: Record<string, unknown> | undefined;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the `count`-th event (1-based) once it has arrived. */
  event(count: number): Promise<SseEvent>;
  /** Resolves once the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `url` as an event stream with `fetchFn` (the global fetch, or a fetch handler called directly) and parses
 * what arrives, as the WHATWG EventSource does for `id`, `event`, `data` and comment lines.
 */
export async function openEvents(
  fetchFn: (request: Request) => Promise<Response>,
  url: string,
  headers: Record<string, string> = {},
): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetchFn(
    new Request(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal }),
  );
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  let json: Record<string, unknown> | undefined;
  let isEnded = false;
  let ended: Promise<void> = Promise.resolve();
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    json = (await response.json()) as Record<string, unknown>;
  } else {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { id: undefined, event: undefined, data: "" };
          let isEvent = false;
          for (const line of frame.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(":");
              const field = line.slice(0, colon);
              const text = line.slice(colon + 1).replace(/^ /, "");
              if (field === "id") event.id = text;
              if (field === "event") event.event = text;
              if (field === "data") event.data = event.data ? `${event.data}\n${text}` : text;
              isEvent = true;
            }
          }
          if (isEvent) events.push(event);
          notify();
        }
      }
      isEnded = true;
      notify();
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    json,
    events,
    comments,
    async event(count) {
      while (events.length < count) {
        if (isEnded) throw new Error(`the stream ended after ${events.length} events, before event ${count}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return events[count - 1]!;
    },
    ended,
    close: () => controller.abort(),
  };
}
