// Compiled by tsconfig.exact.json, as a user's project compiles the package: `exactOptionalPropertyTypes` on,
// against the built declarations. Options filled from the environment are `string | undefined`: each optional
// option must take that undefined as it is.
import {
  type AcceptUndefined,
  type BatchJob,
  createMistralBatchCore,
  MistralBatch,
  parseJsonl,
  type RequestOptions,
  type RetryConfig,
} from "@mistral-batch/client";
import { createFileRunStore } from "@mistral-batch/client/node";
import { describe, expectTypeOf, it } from "vitest";

const env = process.env;
const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
const mistral = new MistralBatch({
  apiKey: env.MISTRAL_API_KEY,
  serverURL: env.MISTRAL_SERVER_URL,
  timeoutMs: number("MISTRAL_TIMEOUT_MS"),
  retryConfig: undefined,
  fetch: undefined,
  headers: undefined,
});
const call: RequestOptions = { retries: undefined, timeoutMs: undefined, signal: undefined, headers: undefined };
declare const job: BatchJob;

describe("options under exactOptionalPropertyTypes", () => {
  it("take an unset environment variable wherever an option is optional", () => {
    createMistralBatchCore({ apiKey: env.MISTRAL_API_KEY, serverURL: env.MISTRAL_SERVER_URL });
    const retries: RetryConfig = {
      strategy: "backoff",
      backoff: { initialInterval: number("RETRY_MS"), maxInterval: undefined },
      retryConnectionErrors: undefined,
    };
    mistral.batch.jobs.list(
      {
        page: number("PAGE"),
        page_size: undefined,
        model: env.MODEL,
        agent_id: undefined,
        metadata: undefined,
        created_after: env.SINCE,
        created_by_me: undefined,
        status: undefined,
        order_by: undefined,
      },
      { ...call, retries },
    );
    mistral.batch.jobs.create(
      { endpoint: "/v1/ocr", model: env.MODEL, agent_id: undefined, metadata: undefined, timeout_hours: undefined },
      { ...call, idempotencyKey: env.RUN_KEY },
    );
    mistral.batch.jobs.get({ job_id: "id", inline: undefined }, call);
    mistral.batch.jobs.iterate({ page_size: number("PAGE_SIZE"), model: env.MODEL }, call);
    mistral.batch.jobs.wait(
      { job_id: "id" },
      { intervalMs: undefined, maxIntervalMs: undefined, timeoutMs: undefined, onProgress: undefined },
    );
    mistral.batch.jobs.retryFailed(job, { include: undefined, signal: undefined });
    mistral.batch.run(
      { endpoint: "/v1/embeddings", model: env.MODEL, requests: [], metadata: undefined, timeout_hours: undefined },
      {
        runId: env.RUN_ID,
        store: env.STATE_DIR ? createFileRunStore(env.STATE_DIR) : undefined,
        maxAttempts: number("MAX_ATTEMPTS"),
        retryDelayMs: undefined,
        onProgress: undefined,
        signal: undefined,
        cancelOnAbort: undefined,
        maxRequestsPerJob: undefined,
        maxFileBytes: undefined,
        maxPendingRequests: undefined,
        maxJobsInFlight: undefined,
        pollIntervalMs: undefined,
        maxPollIntervalMs: undefined,
        leaseMs: undefined,
        order: undefined,
        prices: undefined,
      },
    );
    mistral.files.upload(
      { file: new Blob([]), filename: env.FILE_NAME, purpose: undefined, expiry: undefined, visibility: undefined },
      call,
    );
    mistral.files.list({ page: undefined, search: env.SEARCH, purpose: undefined, include_total: undefined }, call);
    mistral.files.getSignedUrl({ file_id: "id", expiry: number("EXPIRY_HOURS") }, call);
    parseJsonl(new Blob([]), { lenient: undefined });
  });

  it("keep required parameters required", () => {
    // @ts-expect-error endpoint is required
    mistral.batch.jobs.create({ model: env.MODEL });
    // @ts-expect-error job_id is a string, never undefined
    mistral.batch.jobs.get({ job_id: env.JOB_ID });
  });

  it("add undefined to optional properties only", () => {
    expectTypeOf<AcceptUndefined<{ a?: number; b: string }>>().toEqualTypeOf<{ a?: number | undefined; b: string }>();
  });
});
