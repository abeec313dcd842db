import type {
  BatchJob,
  BatchResult,
  DeleteBatchJobResponse,
  FileObject,
  ListBatchJobsResponse,
} from "@mistral-batch/client";
import type { UseMutationResult, UseQueryResult, UseSuspenseQueryResult } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  batchKeys,
  type UploadProgress,
  useBatchJob,
  useBatchJobs,
  useBatchResults,
  useCancelBatchJob,
  type useCreateBatchJob,
  useDeleteBatchJob,
  useSuspenseBatchJob,
  useUploadBatchFile,
} from "./index.js";

describe("the hooks' types", () => {
  it("types queries with the client's types", () => {
    expectTypeOf(useBatchJobs).returns.toEqualTypeOf<UseQueryResult<ListBatchJobsResponse, Error>>();
    expectTypeOf(useBatchJob).returns.toExtend<UseQueryResult<BatchJob>>();
    expectTypeOf(useBatchJob).returns.toHaveProperty("progress").toEqualTypeOf<number>();
    expectTypeOf(useBatchJob).returns.toHaveProperty("isTerminal").toEqualTypeOf<boolean>();
    expectTypeOf(useSuspenseBatchJob).returns.toExtend<UseSuspenseQueryResult<BatchJob>>();
    expectTypeOf(useSuspenseBatchJob).returns.toHaveProperty("data").toEqualTypeOf<BatchJob>();
  });

  it("types mutations by their variables and results", () => {
    expectTypeOf(useCancelBatchJob).returns.toExtend<UseMutationResult<BatchJob, Error, { job_id: string }, unknown>>();
    expectTypeOf(useDeleteBatchJob).returns.toExtend<
      UseMutationResult<DeleteBatchJobResponse, Error, { job_id: string }, unknown>
    >();
    expectTypeOf<Parameters<ReturnType<typeof useCreateBatchJob>["mutate"]>[0]>().toHaveProperty("endpoint");
  });

  it("types streamed results by the endpoint's body and uploads by the file object", () => {
    expectTypeOf(useBatchResults<{ id: string }>)
      .returns.toHaveProperty("rows")
      .toEqualTypeOf<BatchResult<{ id: string }>[]>();
    expectTypeOf(useBatchResults).returns.toHaveProperty("hasMore").toEqualTypeOf<boolean>();
    expectTypeOf(useUploadBatchFile).returns.toHaveProperty("data").toEqualTypeOf<FileObject | undefined>();
    expectTypeOf(useUploadBatchFile).returns.toHaveProperty("progress").toEqualTypeOf<UploadProgress | undefined>();
  });

  it("builds hierarchical keys", () => {
    expectTypeOf(batchKeys.detail("id")).toEqualTypeOf<readonly ["mistral-batch", "jobs", "detail", string]>();
    expectTypeOf(batchKeys.lists()).toEqualTypeOf<readonly ["mistral-batch", "jobs", "list"]>();
  });
});
