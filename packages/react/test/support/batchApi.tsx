import { MistralBatch } from "@mistral-batch/client";
import { batchHandlers, createBatchSimulator } from "@mistral-batch/msw";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type RenderResult, render } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../../testing/mswListenOptions.js";
import { MistralBatchProvider } from "../../src/index.js";

/** The mock API every hook test runs against, with a log of the requests that reached it. */
export const simulator = createBatchSimulator({ queueDelayMs: 1000, jobDurationMs: 10_000, cancelDelayMs: 1000 });
export const server = setupServer(...batchHandlers(simulator));

/** "METHOD /path" of every request the mock received, in order. */
export const wire: string[] = [];
server.events.on("request:start", ({ request }) => {
  wire.push(`${request.method} ${new URL(request.url).pathname}`);
});

beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
beforeEach(() => {
  simulator.reset();
  wire.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Requests on the wire that match `method` and a path starting with `prefix`. */
export const requestsTo = (method: string, prefix: string) =>
  wire.filter((line) => line.startsWith(`${method} ${prefix}`)).length;

/** Renders `ui` inside a fresh QueryClient and a client pointed at the mock. */
export function renderWithBatch(
  ui: ReactNode,
  options: { fetch?: typeof globalThis.fetch; retry?: boolean; live?: boolean } = {},
): RenderResult & { queryClient: QueryClient } {
  // Without `retry`, TanStack's retries are off and the client retries nothing either: a failure is final at once.
  const retry = options.retry ? {} : { retry: false };
  const queryClient = new QueryClient({ defaultOptions: { queries: retry, mutations: { retry: false } } });
  const client = new MistralBatch({ apiKey: "test-key", retryConfig: { strategy: "none" }, fetch: options.fetch });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MistralBatchProvider client={client} live={options.live ?? false}>
        {ui}
      </MistralBatchProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

/** Inline moderation requests, custom_ids "r0", "r1", ... */
export const moderationJob = (count: number) => ({
  endpoint: "/v1/moderations",
  model: "mistral-small-latest",
  requests: Array.from({ length: count }, (_, index) => ({ custom_id: `r${index}`, body: { input: `text ${index}` } })),
});
