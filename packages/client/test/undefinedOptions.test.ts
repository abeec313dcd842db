import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { batchHandlers, createBatchSimulator } from "../../msw/src/index.js";
import {
  createMistralBatchCore,
  DEFAULT_BACKOFF,
  DEFAULT_RETRY_CONFIG,
  DEFAULT_TIMEOUT_MS,
  MistralBatch,
  SDKError,
} from "../src/index.js";
import { backoffOf } from "../src/transport/retry.js";

// Options read from the environment are undefined when a variable is unset: each must then keep its default.
const unset = process.env.MISTRAL_BATCH_KIT_UNSET_VARIABLE;

describe("an option given as undefined keeps its default", () => {
  // The mock at its default base URL, the API's own: a request reaches it only if serverURL fell back to it.
  const simulator = createBatchSimulator();
  const server = setupServer(...batchHandlers(simulator));
  beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
  afterEach(() => simulator.reset());
  afterAll(() => server.close());

  it("serverURL, timeoutMs and retryConfig", async () => {
    const options = { apiKey: "k", serverURL: unset, timeoutMs: undefined, retryConfig: undefined };
    const core = createMistralBatchCore(options);
    expect(core.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(core.retries).toBe(DEFAULT_RETRY_CONFIG);
    await expect(new MistralBatch(options).batch.jobs.list()).resolves.toMatchObject({ total: 0 });
  });

  it("a call's retries and timeoutMs: the client's apply", async () => {
    const mistral = new MistralBatch({ apiKey: "k", retryConfig: { strategy: "none" } });
    simulator.faults.add({ status: 503 });
    const error = await mistral.batch.jobs.list({}, { retries: undefined, timeoutMs: undefined }).catch((e) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(503);
  });

  it("each value of a retry config's backoff", () => {
    const backoff = { initialInterval: undefined, maxInterval: 5, exponent: undefined, maxElapsedTime: undefined };
    expect(backoffOf({ strategy: "backoff", backoff })).toEqual({ ...DEFAULT_BACKOFF, maxInterval: 5 });
  });
});
