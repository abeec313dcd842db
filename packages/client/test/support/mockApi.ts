/**
 * The mock API of @mistral-batch/msw, imported by path: that package depends
 * on this one, so a devDependency back on it would make a cycle that turbo
 * refuses. Its sources resolve their own imports (msw, this client).
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../../testing/mswListenOptions.js";
import { batchHandlers, createBatchSimulator } from "../../../msw/src/index.js";
import type { BatchSimulatorOptions } from "../../../msw/src/types.js";
import { createMistralBatchCore, type MistralBatchOptions } from "../../src/index.js";

export { startMockServer } from "../../../msw/src/node/index.js";

/** Where the msw handlers answer; a path prefix checks that every route keeps it. */
export const MOCK_URL = "http://mock.test/api/mistral";

/** Fast retries, so that tests of retried failures take milliseconds. */
export const FAST_RETRIES = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 10, maxElapsedTime: 5_000 },
  retryConnectionErrors: true,
} as const;

/**
 * A simulator served through msw's `setupServer` for the tests of one file,
 * and a client core pointed at it. Registers the hooks: listen before all
 * tests, and after each one drop one-off handlers, jobs, files, faults and the
 * request log.
 */
export function useMockApi(options: BatchSimulatorOptions = {}, client: MistralBatchOptions = {}) {
  const simulator = createBatchSimulator(options);
  const server = setupServer(...batchHandlers(simulator, { baseUrl: MOCK_URL }));
  const core = createMistralBatchCore({ apiKey: "sk-mock", serverURL: MOCK_URL, retryConfig: FAST_RETRIES, ...client });
  /** Counts the requests that reach the API, by `METHOD path` (path relative to the API root). */
  const requests: string[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname.slice(new URL(MOCK_URL).pathname.length)}`);
  });
  beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
  afterEach(() => {
    server.resetHandlers();
    simulator.reset();
    requests.length = 0;
  });
  afterAll(() => server.close());
  return { simulator, server, core, requests };
}
