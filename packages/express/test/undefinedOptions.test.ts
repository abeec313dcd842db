import { batchHandlers, createBatchSimulator } from "@mistral-batch/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { createFetchHandler } from "../src/fetch.js";
import { mistralBatchProxy } from "../src/index.js";

// Options read from the environment are undefined when a variable is unset: each must then keep its default.
const unset = process.env.MISTRAL_BATCH_KIT_UNSET_VARIABLE;
const authorize = () => ({ userId: "alice" });

describe("a proxy option given as undefined keeps its default", () => {
  // The mock at its default base URL, the API's own: a request reaches it only if serverURL fell back to it.
  const server = setupServer(...batchHandlers(createBatchSimulator()));
  beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
  afterAll(() => server.close());

  it("serverURL, basePath, timeoutMs, limits and every event option", async () => {
    const handle = createFetchHandler({
      apiKey: "sk-server",
      authorize,
      serverURL: unset,
      basePath: unset,
      timeoutMs: undefined,
      ownerMetadataKey: undefined,
      limits: { jsonBody: undefined, upload: undefined },
      events: {
        maxStreamsPerUser: undefined,
        maxStreams: undefined,
        pollIntervalMs: undefined,
        heartbeatMs: undefined,
      },
      fetch: undefined,
    });
    const answer = await handle(new Request("http://app.test/v1/batch/jobs"));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ total: 0 });
  });

  it("an unset API key fails at startup, naming the option", () => {
    expect(() => mistralBatchProxy({ apiKey: unset, authorize })).toThrow(/`apiKey` is required/);
    expect(() => createFetchHandler({ apiKey: unset, authorize })).toThrow(TypeError);
  });
});
