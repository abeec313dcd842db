import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { readListQuery } from "../../src/contract/index.js";
import {
  type CreateBatchJobParams,
  createBatchJob,
  createBatchJobOnce,
  IDEMPOTENCY_METADATA_KEY,
  InvalidRequestError,
  MistralBatch,
  RequestAbortedError,
  SDKError,
} from "../../src/index.js";
import { FAST_RETRIES, MOCK_URL, useMockApi } from "../support/mockApi.js";

const params: CreateBatchJobParams = {
  endpoint: "/v1/moderations",
  model: "mistral-moderation-latest",
  requests: [{ custom_id: "a", body: { input: "hello" } }],
  metadata: { team: "search" },
};

const { simulator, server, core, requests } = useMockApi();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    await expect(createBatchJobOnce(core, invalid, { idempotencyKey: "bad2" })).rejects.toThrow(InvalidRequestError);
    expect(requests.filter((r) => r === "POST /v1/batch/jobs")).toHaveLength(1);
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

  it.each([429, 503])(
    "finds the job after a %i that followed the create, instead of sending it again",
    async (status) => {
      simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status, retry_after: 1 });
      const job = await createBatchJobOnce(core, params, { idempotencyKey: `k-${status}` });
      expect(jobsWithKey(`k-${status}`).data?.map((j) => j.id)).toEqual([job.id]);
      expect(requests).toEqual(["GET /v1/batch/jobs", "POST /v1/batch/jobs", "GET /v1/batch/jobs"]);
    },
  );

  it("looks the key up before every retry, whatever the failure", async () => {
    for (const fault of [{ status: 429 }, { status: 503 }, { status: 500 }, { kind: "reset" }] as const) {
      simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "before", ...fault });
    }
    const job = await createBatchJobOnce(core, params, { idempotencyKey: "every-retry", timeoutMs: 200 });
    expect(jobsWithKey("every-retry").data?.map((j) => j.id)).toEqual([job.id]);
    const [lookup, create] = ["GET /v1/batch/jobs", "POST /v1/batch/jobs"];
    // After the dropped connection the request may still be on its way: one more lookup after a wait.
    const afterReset = [lookup, lookup, create];
    expect(requests).toEqual([lookup, create, lookup, create, lookup, create, lookup, create, ...afterReset]);
  });

  it("waits for a create still in flight when its timeout fired, and finds it instead of creating another", async () => {
    const timeoutMs = 300;
    const delay_ms = 450; // lands 150 ms after the client gave up, well within the wait of one more timeoutMs
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", kind: "delay", delay_ms });
    const job = await createBatchJobOnce(core, params, { idempotencyKey: "in-flight", timeoutMs });
    await sleep(delay_ms); // whatever the client did, the delayed create has landed by now
    expect(jobsWithKey("in-flight").data?.map((j) => j.id)).toEqual([job.id]);
    expect(requests.filter((r) => r === "POST /v1/batch/jobs")).toHaveLength(1);
  });

  it("finds its job on any page of a server that ignores the metadata filter", async () => {
    // The list route answers as a server that drops the metadata filter would: every job, newest first.
    server.use(
      http.get(`${MOCK_URL}/v1/batch/jobs`, ({ request }) => {
        const { query } = readListQuery(new URL(request.url).searchParams);
        return HttpResponse.json(simulator.listJobs({ ...query, metadata: null }));
      }),
    );
    const first = await createBatchJobOnce(core, params, { idempotencyKey: "paged" });
    for (let i = 0; i < 150; i++) simulator.createJob({ ...params, metadata: { other: String(i) } });
    const again = await createBatchJobOnce(core, params, { idempotencyKey: "paged" });
    expect(again.id).toBe(first.id);
    expect(jobsWithKey("paged").total).toBe(1);
  });

  it("narrows the lookups after a failure with created_after, 15 minutes before the first attempt", async () => {
    const listed: URL[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "GET") listed.push(new URL(request.url));
    });
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 500 });
    const before = Date.now();
    await createBatchJobOnce(core, params, { idempotencyKey: "narrowed" });
    const after = Date.now();
    expect(listed).toHaveLength(2);
    expect(listed[0]?.searchParams.has("created_after")).toBe(false); // the first lookup finds a job of any age
    const since = Date.parse(listed[1]?.searchParams.get("created_after") ?? "");
    expect(since).toBeGreaterThanOrEqual(before - 15 * 60_000);
    expect(since).toBeLessThanOrEqual(after - 15 * 60_000);
    // The key goes as its own query parameter, as the official SDKs send a metadata filter.
    expect(listed[1]?.searchParams.get(IDEMPOTENCY_METADATA_KEY)).toBe("narrowed");
    expect(listed[1]?.searchParams.has("metadata")).toBe(false);
  });

  it("rejects with RequestAbortedError when aborted during the pause after an ambiguous 500", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "before", status: 500 });
    const controller = new AbortController();
    const reason = new Error("the caller gave up");
    server.events.on("response:mocked", ({ request, response }) => {
      // The pause after the 500 lasts at least 30 s: 50 ms after the answer, the client is in it.
      if (request.method === "POST" && response.status === 500) setTimeout(() => controller.abort(reason), 50);
    });
    const slow = { strategy: "backoff", backoff: { initialInterval: 60_000, maxInterval: 60_000 } } as const;
    const error = await createBatchJobOnce(core, params, {
      idempotencyKey: "aborted",
      retries: slow,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toBe(reason);
    expect(requests).toEqual(["GET /v1/batch/jobs", "POST /v1/batch/jobs"]);
  });
});
