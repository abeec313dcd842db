import { describe, expect, it } from "vitest";
import {
  type CreateBatchJobParams,
  createBatchJob,
  createBatchJobOnce,
  HTTPValidationError,
  IDEMPOTENCY_METADATA_KEY,
  InvalidRequestError,
  MistralBatch,
  SDKError,
} from "../../src/index.js";
import { FAST_RETRIES, useMockApi } from "../support/mockApi.js";

const params: CreateBatchJobParams = {
  endpoint: "/v1/moderations",
  model: "mistral-moderation-latest",
  requests: [{ custom_id: "a", body: { input: "hello" } }],
  metadata: { team: "search" },
};

const { simulator, core, requests } = useMockApi();

/** Jobs stored under one idempotency key. */
const jobsWithKey = (key: string) => simulator.listJobs({ metadata: { [IDEMPOTENCY_METADATA_KEY]: key } });

describe("create with an idempotency key", () => {
  it("stamps the key into the metadata, next to the caller's", async () => {
    const job = await createBatchJobOnce(core, params, { idempotencyKey: "k-1" });
    expect(job.metadata).toEqual({ team: "search", [IDEMPOTENCY_METADATA_KEY]: "k-1" });
    expect(requests).toEqual(["GET /v1/batch/jobs", "POST /v1/batch/jobs"]);
  });

  it("returns the job already created with the same key instead of creating another", async () => {
    const first = await createBatchJobOnce(core, params, { idempotencyKey: "same" });
    const second = await createBatchJobOnce(core, params, { idempotencyKey: "same" });
    expect(second.id).toBe(first.id);
    expect(jobsWithKey("same").total).toBe(1);
    expect(simulator.listJobs().total).toBe(1);
  });

  it("shows the ambiguity it solves: a plain create that fails after the fact leaves a job behind", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 500 });
    await expect(createBatchJob(core, params)).rejects.toMatchObject({ statusCode: 500 });
    expect(simulator.listJobs().total).toBe(1);
  });

  it.each([
    { kind: "status", status: 500 },
    { kind: "status", status: 502 },
    { kind: "status", status: 504 },
    { kind: "reset" },
    { kind: "malformed" },
  ] as const)("finds the job after an ambiguous $kind $status failure instead of creating it again", async (fault) => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", ...fault });
    const job = await createBatchJobOnce(core, params, { idempotencyKey: `k-${fault.kind}` });
    expect(jobsWithKey(`k-${fault.kind}`).data?.map((j) => j.id)).toEqual([job.id]);
    expect(requests.filter((r) => r === "POST /v1/batch/jobs")).toHaveLength(1);
  });

  it("creates exactly one job over 300 trials of 1 to 3 ambiguous failures after the fact", async () => {
    const kinds = [{ status: 500 }, { status: 502 }, { status: 504 }, { kind: "reset" }] as const;
    for (let trial = 0; trial < 300; trial++) {
      simulator.faults.add({
        method: "POST",
        path: "/v1/batch/jobs",
        when: "after",
        times: 1 + (trial % 3),
        ...kinds[trial % kinds.length],
      });
      const job = await createBatchJobOnce(core, params, { idempotencyKey: `trial-${trial}` });
      expect(jobsWithKey(`trial-${trial}`).data?.map((j) => j.id)).toEqual([job.id]);
      simulator.faults.clear();
    }
    expect(simulator.listJobs().total).toBe(300);
  }, 60_000);

  it("retries a failure that happened before the job was made, and still makes exactly one", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "before", status: 500, times: 2 });
    const job = await createBatchJobOnce(core, params, { idempotencyKey: "before" });
    expect(jobsWithKey("before").data?.map((j) => j.id)).toEqual([job.id]);
    expect(requests.filter((r) => r === "POST /v1/batch/jobs")).toHaveLength(3);
  });

  it("without retries, returns the job found after an ambiguous failure, or rethrows when there is none", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 502 });
    const found = await createBatchJobOnce(core, params, { idempotencyKey: "once", retries: { strategy: "none" } });
    expect(jobsWithKey("once").data?.map((j) => j.id)).toEqual([found.id]);

    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "before", status: 502 });
    const error = await createBatchJobOnce(core, params, {
      idempotencyKey: "none",
      retries: { strategy: "none" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(502);
    expect(jobsWithKey("none").total).toBe(0);
  });

  it("does not retry a refusal: a 4XX rejects at once", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "before", status: 400 });
    await expect(createBatchJobOnce(core, params, { idempotencyKey: "bad" })).rejects.toMatchObject({
      statusCode: 400,
    });
    const invalid = { ...params, model: 42 as unknown as string };
    await expect(createBatchJobOnce(core, invalid, { idempotencyKey: "bad2" })).rejects.toThrow(HTTPValidationError);
    expect(requests.filter((r) => r === "POST /v1/batch/jobs")).toHaveLength(2);
    expect(simulator.listJobs().total).toBe(0);
  });

  it.each([
    { name: "empty", key: "" },
    { name: "513 characters long", key: "x".repeat(513) },
    { name: "a number", key: 7 },
  ])("refuses a key that is $name before any request", async ({ key }) => {
    await expect(createBatchJobOnce(core, params, { idempotencyKey: key as string })).rejects.toThrow(
      InvalidRequestError,
    );
    expect(requests).toEqual([]);
  });

  it("is what mistral.batch.jobs.create does when given an idempotencyKey", async () => {
    const mistral = new MistralBatch({
      apiKey: "sk",
      serverURL: "http://mock.test/api/mistral",
      retryConfig: FAST_RETRIES,
    });
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 500 });
    const job = await mistral.batch.jobs.create(params, { idempotencyKey: "facade" });
    expect(jobsWithKey("facade").data?.map((j) => j.id)).toEqual([job.id]);
  });
});
