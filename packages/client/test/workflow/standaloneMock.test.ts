import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CreateBatchJobParams, IDEMPOTENCY_METADATA_KEY, MistralBatch } from "../../src/index.js";
import { FAST_RETRIES, startMockServer } from "../support/mockApi.js";

// The standalone mock over real HTTP on 127.0.0.1, on a fast real-time clock.
let mock: Awaited<ReturnType<typeof startMockServer>>;
let mistral: MistralBatch;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, queueDelayMs: 20, jobDurationMs: 300, failureRate: 0.05 });
  mistral = new MistralBatch({ apiKey: "sk", serverURL: mock.url, retryConfig: FAST_RETRIES });
});
afterAll(() => mock.close());

const params: CreateBatchJobParams = {
  endpoint: "/v1/moderations",
  model: "mistral-moderation-latest",
  requests: [{ custom_id: "a", body: { input: "hello" } }],
};

describe("the workflow over real HTTP", () => {
  it("leaves exactly one job per key after connections dropped and 5XX answers following the create", async () => {
    const before = mock.simulator.listJobs().total;
    {
      const faults = [{ kind: "reset" }, { status: 500 }, { status: 504 }] as const;
      for (let trial = 0; trial < 60; trial++) {
        const fault = { method: "POST", path: "/v1/batch/jobs", when: "after", ...faults[trial % 3] };
        const added = await fetch(`${mock.url}/__mock/faults`, { method: "POST", body: JSON.stringify(fault) });
        expect(added.status).toBe(200);
        const job = await mistral.batch.jobs.create(params, { idempotencyKey: `http-${trial}` });
        const stored = mock.simulator.listJobs({ metadata: { [IDEMPOTENCY_METADATA_KEY]: `http-${trial}` } });
        expect(stored.data?.map((j) => j.id)).toEqual([job.id]);
      }
      expect(mock.simulator.listJobs().total).toBe(before + 60);
    }
  }, 60_000);

  it("runs 12,000 requests through an uploaded file, every custom_id back exactly once, progress monotonic", async () => {
    const requests = Array.from({ length: 12_000 }, (_, i) => ({ custom_id: `q${i}`, body: { input: `t${i}` } }));
    const completed: number[] = [];
    const run = await mistral.batch.run(
      { endpoint: "/v1/moderations", model: "mistral-moderation-latest", requests },
      { pollIntervalMs: 20, maxPollIntervalMs: 50, onProgress: (p) => completed.push(p.completed) },
    );
    const seen = new Map<string, number>();
    for await (const result of run.results) seen.set(result.custom_id, (seen.get(result.custom_id) ?? 0) + 1);
    expect(seen.size).toBe(12_000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(completed.at(-1)).toBe(12_000);
    const summary = await run.summary();
    expect(summary.total).toBe(12_000);
    expect(summary.succeeded + summary.failed).toBe(12_000);
    expect(summary.retried).toBeGreaterThan(0); // the mock fails 5% of lines with no answer: sent again
  }, 60_000);
});
