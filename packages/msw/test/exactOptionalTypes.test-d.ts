// Compiled by tsconfig.exact.json, as a user's project compiles the package: `exactOptionalPropertyTypes` on,
// against the built declarations. Options filled from the environment are `string | undefined`: each optional
// option must take that undefined as it is.
import { batchHandlers, createBatchSimulator, type PendingFault } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";
import { describe, expectTypeOf, it } from "vitest";

const env = process.env;
const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
const simulatorOptions = {
  apiKey: env.MOCK_API_KEY,
  clock: undefined,
  speed: number("MOCK_SPEED"),
  startTime: undefined,
  queueDelayMs: undefined,
  jobDurationMs: number("MOCK_JOB_MS"),
  cancelDelayMs: undefined,
  failureRate: undefined,
  failures: { retryable: number("RETRYABLE"), permanent: undefined, retryableAttempts: undefined, seed: undefined },
  maxPendingRequests: undefined,
  timeoutHourMs: undefined,
  ignoreMetadataFilters: undefined,
};

describe("options under exactOptionalPropertyTypes", () => {
  it("take an unset environment variable", () => {
    const simulator = createBatchSimulator(simulatorOptions);
    batchHandlers(simulator, { baseUrl: env.MISTRAL_SERVER_URL });
    startMockServer({ ...simulatorOptions, port: number("PORT"), host: env.HOST, simulator: undefined });
    simulator.faults.add({
      method: undefined,
      path: env.FAULT_PATH,
      times: undefined,
      when: undefined,
      kind: undefined,
      status: undefined,
      retry_after: undefined,
      delay_ms: undefined,
    });
    simulator.uploadFile(
      {
        filename: "a.jsonl",
        content: "",
        purpose: undefined,
        mimetype: undefined,
        visibility: undefined,
        expiry: undefined,
      },
      { caller: env.CALLER },
    );
    simulator.listJobs({ page: undefined, model: env.MODEL, status: undefined }, { caller: undefined });
    simulator.getJob("id", { inline: undefined });
    simulator.getSignedUrl("id", { expiry: undefined, baseUrl: env.MISTRAL_SERVER_URL, caller: undefined });
  });

  it("fill in a pending fault's defaults", () => {
    expectTypeOf<PendingFault["when"]>().toEqualTypeOf<"before" | "after">();
    expectTypeOf<PendingFault["times"]>().toEqualTypeOf<number>();
  });
});
