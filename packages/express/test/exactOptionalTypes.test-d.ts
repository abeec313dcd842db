// Compiled by tsconfig.exact.json, as a user's project compiles the package: `exactOptionalPropertyTypes` on,
// against the built declarations. Options filled from the environment are `string | undefined`: each optional
// option, and the API key, must take that undefined as it is.
import {
  createProxyHandler,
  DEFAULT_EVENT_STREAM_OPTIONS,
  type MistralBatchProxyOptions,
  mistralBatchProxy,
} from "@mistral-batch/express";
import { createFetchHandler } from "@mistral-batch/express/fetch";
import { describe, expectTypeOf, it } from "vitest";

const env = process.env;
const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
const options = {
  apiKey: env.MISTRAL_API_KEY,
  serverURL: env.MISTRAL_SERVER_URL,
  authorize: () => ({ userId: "user" }),
  ownerMetadataKey: env.OWNER_KEY,
  limits: { jsonBody: number("JSON_LIMIT"), upload: undefined },
  timeoutMs: number("PROXY_TIMEOUT_MS"),
  events: {
    maxStreamsPerUser: undefined,
    maxStreams: undefined,
    pollIntervalMs: number("POLL_MS"),
    maxPollIntervalMs: undefined,
    heartbeatMs: undefined,
  },
  onRequest: undefined,
} satisfies MistralBatchProxyOptions;

describe("options under exactOptionalPropertyTypes", () => {
  it("take an unset environment variable", () => {
    mistralBatchProxy(options);
    createProxyHandler(options)(
      { method: "GET", url: "/v1/batch/jobs", headers: new Headers(), body: () => null, signal: undefined },
      {},
    );
    createFetchHandler({ ...options, basePath: env.BASE_PATH, fetch: undefined });
  });

  it("keep `authorize` required and the defaults defined", () => {
    // @ts-expect-error authorize is required
    createFetchHandler({ apiKey: env.MISTRAL_API_KEY });
    expectTypeOf(DEFAULT_EVENT_STREAM_OPTIONS.maxStreams).toEqualTypeOf<number>();
  });
});
