import { createBatchSimulator } from "@mistral-batch/msw";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from "../../src/fetch.js";
import { assertNoLeak } from "./http.js";
import { SERVER_KEY, TOKENS } from "./startProxyApp.js";

/** Where the tests' fetch handler is mounted, on a host no request leaves for. */
export const MOUNT = "http://app.test/api/mistral";

/** The fetch handler over the mock, for one suite; `upstreamRequests` counts what reached the mock, by method and path. */
export interface FetchHandlerOverMock {
  simulator: ReturnType<typeof createBatchSimulator>;
  mock: MockServer;
  handle: FetchHandler;
  upstreamRequests: { method: string; path: string }[];
}

/**
 * Starts the mock over real HTTP (manual clock, requiring the server key) and a fetch handler over it,
 * authorizing `TOKENS`' users by bearer token; each test starts with no job, no file and no recorded request.
 */
export function useFetchHandlerOverMock(options: Partial<FetchHandlerOptions> = {}): FetchHandlerOverMock {
  const suite = {
    simulator: createBatchSimulator({ clock: "manual", apiKey: SERVER_KEY }),
    upstreamRequests: [],
  } as unknown as FetchHandlerOverMock;
  const users = new Map<string, string>(Object.entries(TOKENS).map(([user, token]) => [token, user]));
  beforeAll(async () => {
    suite.mock = await startMockServer({ simulator: suite.simulator });
    suite.mock.server.on("request", (req: { method?: string; url?: string }) => {
      suite.upstreamRequests.push({ method: req.method ?? "", path: new URL(req.url ?? "/", "http://mock").pathname });
    });
    suite.handle = createFetchHandler({
      apiKey: SERVER_KEY,
      serverURL: suite.mock.url,
      basePath: "/api/mistral",
      authorize: (request) => {
        const token = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
        const userId = token ? users.get(token) : undefined;
        return userId ? { userId } : null;
      },
      ...options,
    });
  });
  afterAll(() => suite.mock.close());
  beforeEach(() => {
    suite.simulator.reset();
    suite.upstreamRequests.length = 0;
  });
  return suite;
}

/** An answer of the handler as a test reads it; asserts it carries neither the key nor an HTML page. */
export async function call(
  handle: (request: Request) => Response | Promise<Response>,
  user: keyof typeof TOKENS | null,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit; base?: string } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const headers = new Headers(init.headers);
  if (user) headers.set("authorization", `Bearer ${TOKENS[user]}`);
  const response = await handle(new Request(`${init.base ?? MOUNT}${path}`, { method, headers, body: init.body }));
  const text = await response.text();
  assertNoLeak(response.headers, text);
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : {} };
}

/** A create body the mock accepts. */
export const JOB_BODY = JSON.stringify({
  endpoint: "/v1/moderations",
  model: "m",
  requests: [{ body: { input: "x" } }],
});
