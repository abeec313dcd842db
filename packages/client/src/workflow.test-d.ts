import { describe, expectTypeOf, it } from "vitest";
import {
  type BatchJob,
  type BatchJobProgress,
  type BatchResult,
  type BatchValidationError,
  type DeleteFileResponse,
  type FileObject,
  type JsonlParseError,
  type JsonlValues,
  MistralBatch,
  type MistralBatchError,
  parseJsonl,
  type RetrievedFile,
  type RunBatchResult,
  toJsonl,
  validateBatchRequests,
  type WaitTimeoutError,
} from "./index.js";

const mistral = new MistralBatch({ apiKey: "key" });
declare const job: BatchJob;

describe("the batch workflow's types", () => {
  it("types files", () => {
    expectTypeOf(mistral.files.upload({ file: new Blob([]) })).resolves.toEqualTypeOf<FileObject>();
    expectTypeOf(mistral.files.upload({ file: [{ custom_id: "a", body: {} }] })).resolves.toEqualTypeOf<FileObject>();
    expectTypeOf(mistral.files.retrieve({ file_id: "id" })).resolves.toEqualTypeOf<RetrievedFile>();
    expectTypeOf(mistral.files.delete({ file_id: "id" })).resolves.toEqualTypeOf<DeleteFileResponse>();
    expectTypeOf(mistral.files.download({ file_id: "id" })).resolves.toEqualTypeOf<ReadableStream<Uint8Array>>();
    // @ts-expect-error: a string is not an upload source
    mistral.files.upload({ file: "a path" });
  });

  it("types iterate, wait, results and run", () => {
    expectTypeOf(mistral.batch.jobs.iterate({ status: ["RUNNING"] })).toExtend<AsyncIterable<BatchJob>>();
    expectTypeOf(mistral.batch.jobs.wait({ job_id: "id" })).resolves.toEqualTypeOf<BatchJob>();
    expectTypeOf(mistral.batch.jobs.wait)
      .parameter(1)
      .exclude<undefined>()
      .toHaveProperty("onProgress")
      .toEqualTypeOf<((progress: BatchJobProgress, job: BatchJob) => void) | undefined>();
    expectTypeOf(mistral.batch.jobs.results(job)).toExtend<AsyncIterable<BatchResult>>();
    expectTypeOf(mistral.batch.jobs.results<{ id: string }>(job)).toExtend<
      AsyncIterable<BatchResult<{ id: string }>>
    >();
    expectTypeOf<BatchResult["response"]>().toEqualTypeOf<{ status_code: number; body: unknown } | null>();
    expectTypeOf(
      mistral.batch.run({ endpoint: "/v1/embeddings", requests: [{ custom_id: "a", body: {} }] }),
    ).resolves.toEqualTypeOf<RunBatchResult>();
    expectTypeOf(mistral.batch.jobs.create)
      .parameter(1)
      .exclude<undefined>()
      .toHaveProperty("idempotencyKey")
      .toEqualTypeOf<string | undefined>();
  });

  it("types JSONL helpers", () => {
    expectTypeOf(toJsonl([{ a: 1 }])).toEqualTypeOf<ReadableStream<Uint8Array>>();
    expectTypeOf(parseJsonl<{ a: number }>(new Blob([]))).toEqualTypeOf<JsonlValues<{ a: number }>>();
    expectTypeOf(parseJsonl(new Blob([])).errors).toEqualTypeOf<JsonlParseError[]>();
    expectTypeOf(validateBatchRequests([])).resolves.toEqualTypeOf<number>();
  });

  it("makes every new error a MistralBatchError with its fields", () => {
    expectTypeOf<JsonlParseError>().toExtend<MistralBatchError>();
    expectTypeOf<JsonlParseError["lineNumber"]>().toEqualTypeOf<number>();
    expectTypeOf<BatchValidationError>().toExtend<MistralBatchError>();
    expectTypeOf<BatchValidationError["issues"]>().toEqualTypeOf<{ lineNumber: number; message: string }[]>();
    expectTypeOf<WaitTimeoutError>().toExtend<MistralBatchError>();
    expectTypeOf<WaitTimeoutError["jobId"]>().toEqualTypeOf<string>();
  });
});
