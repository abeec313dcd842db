import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiEndpoint,
  type BatchJob,
  type BatchJobStatus,
  type DeleteBatchJobResponse,
  type HTTPValidationError,
  type ListBatchJobsResponse,
  MistralBatch,
  type MistralBatchOptions,
  type RequestOptions,
  type RetryConfig,
  type SDKError,
  type ValidationIssue,
} from "./index.js";

const mistral = new MistralBatch({ apiKey: "key" });

describe("the facade's types", () => {
  it("returns the API's JSON, typed", () => {
    expectTypeOf(mistral.batch.jobs.list()).resolves.toEqualTypeOf<ListBatchJobsResponse>();
    expectTypeOf(mistral.batch.jobs.get({ job_id: "id" })).resolves.toEqualTypeOf<BatchJob>();
    expectTypeOf(mistral.batch.jobs.cancel({ job_id: "id" })).resolves.toEqualTypeOf<BatchJob>();
    expectTypeOf(
      mistral.batch.jobs.create({ endpoint: "/v1/ocr", input_files: [] }),
    ).resolves.toEqualTypeOf<BatchJob>();
    expectTypeOf(mistral.batch.jobs.delete({ job_id: "id" })).resolves.toEqualTypeOf<DeleteBatchJobResponse>();
  });

  it("takes the seed's parameter names", () => {
    expectTypeOf(mistral.batch.jobs.list).parameter(0).toEqualTypeOf<
      | {
          page?: number;
          page_size?: number;
          model?: string | null;
          agent_id?: string | null;
          metadata?: Record<string, unknown> | null;
          created_after?: Date | string | null;
          created_by_me?: boolean;
          status?: BatchJobStatus[] | null;
          order_by?: "created" | "-created";
        }
      | undefined
    >();
    // @ts-expect-error job_id is required
    mistral.batch.jobs.get({});
    // @ts-expect-error endpoint is required
    mistral.batch.jobs.create({ requests: [] });
    // @ts-expect-error order_by is a closed enum
    mistral.batch.jobs.list({ order_by: "newest" });
  });

  it("keeps statuses and endpoints open while suggesting the known ones", () => {
    expectTypeOf<"QUEUED">().toExtend<BatchJobStatus>();
    expectTypeOf<"SOMETHING_NEW">().toExtend<BatchJobStatus>();
    expectTypeOf<BatchJob["status"]>().toEqualTypeOf<BatchJobStatus>();
    expectTypeOf<"/v1/ocr">().toExtend<ApiEndpoint>();
    expectTypeOf<"/v2/an/endpoint/added/later">().toExtend<ApiEndpoint>();
  });

  it("takes per-call options and the official SDK's retry config", () => {
    expectTypeOf(mistral.batch.jobs.get).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf<RequestOptions>().toEqualTypeOf<{
      retries?: RetryConfig;
      timeoutMs?: number;
      signal?: AbortSignal;
      headers?: Record<string, string>;
    }>();
    expectTypeOf<{ strategy: "none" }>().toExtend<RetryConfig>();
    expectTypeOf<{
      strategy: "backoff";
      backoff: { initialInterval: 1; maxInterval: 2; exponent: 3; maxElapsedTime: 4 };
      retryConnectionErrors: true;
    }>().toExtend<RetryConfig>();
    expectTypeOf<MistralBatchOptions>().toHaveProperty("serverURL").toEqualTypeOf<string | undefined>();
  });

  it("types its errors", () => {
    expectTypeOf<SDKError["statusCode"]>().toEqualTypeOf<number>();
    expectTypeOf<SDKError["headers"]>().toEqualTypeOf<Headers>();
    expectTypeOf<HTTPValidationError["detail"]>().toEqualTypeOf<ValidationIssue[]>();
    expectTypeOf<ValidationIssue>().toEqualTypeOf<{
      loc: Array<string | number>;
      msg: string;
      type: string;
      input?: unknown;
      ctx?: Record<string, unknown>;
    }>();
    expectTypeOf<HTTPValidationError>().toExtend<SDKError>();
  });
});
