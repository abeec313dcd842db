import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiEndpoint,
  type BatchJob,
  type BatchJobStatus,
  type DeleteBatchJobResponse,
  type FileObject,
  type FileVisibility,
  type GetSignedUrlResponse,
  type HTTPValidationError,
  type ListBatchJobsResponse,
  type ListFilesResponse,
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
    expectTypeOf<DeleteBatchJobResponse["deleted"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(mistral.files.list()).resolves.toEqualTypeOf<ListFilesResponse>();
    expectTypeOf<ListFilesResponse["data"]>().toEqualTypeOf<FileObject[]>();
    expectTypeOf<ListFilesResponse["total"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf(mistral.files.getSignedUrl({ file_id: "id" })).resolves.toEqualTypeOf<GetSignedUrlResponse>();
    expectTypeOf<FileObject["bytes"]>().toEqualTypeOf<number>();
    expectTypeOf<FileObject["visibility"]>().toEqualTypeOf<FileVisibility | null | undefined>();
  });

  it("takes the API's file parameter names", () => {
    expectTypeOf(mistral.files.getSignedUrl).parameter(0).toEqualTypeOf<{ file_id: string; expiry?: number }>();
    expectTypeOf(mistral.files.list).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(mistral.files.getSignedUrl).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    mistral.files.list({ page: 0, page_size: 10, include_total: false, purpose: "batch", mimetypes: ["text/plain"] });
    mistral.files.list({ sample_type: ["batch_result"], source: ["mistral"], search: null });
    // @ts-expect-error file_id is required
    mistral.files.getSignedUrl({ expiry: 2 });
    // @ts-expect-error parameter names are the API's, not camelCase
    mistral.files.list({ pageSize: 10 });
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
