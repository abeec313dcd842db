import { describe, expect, it } from "vitest";
import { type CreateBatchJobParams, IDEMPOTENCY_METADATA_KEY, MistralBatch } from "../../src/index.js";
import { FAST_RETRIES, startMockServer } from "../support/mockApi.js";

const params: CreateBatchJobParams = {
  endpoint: "/v1/moderations",
  model: "mistral-moderation-latest",
  requests: [{ custom_id: "a", body: { input: "hello" } }],
};

describe("create with an idempotency key over real HTTP", () => {
  it("leaves exactly one job per key after connections dropped and 5XX answers following the create", async () => {
    const mock = await startMockServer({ port: 0 });
    try {
      const mistral = new MistralBatch({ apiKey: "sk", serverURL: mock.url, retryConfig: FAST_RETRIES });
      const faults = [{ kind: "reset" }, { status: 500 }, { status: 504 }] as const;
      for (let trial = 0; trial < 60; trial++) {
        const fault = { method: "POST", path: "/v1/batch/jobs", when: "after", ...faults[trial % 3] };
        const added = await fetch(`${mock.url}/__mock/faults`, { method: "POST", body: JSON.stringify(fault) });
        expect(added.status).toBe(200);
        const job = await mistral.batch.jobs.create(params, { idempotencyKey: `http-${trial}` });
        const stored = mock.simulator.listJobs({ metadata: { [IDEMPOTENCY_METADATA_KEY]: `http-${trial}` } });
        expect(stored.data?.map((j) => j.id)).toEqual([job.id]);
      }
      expect(mock.simulator.listJobs().total).toBe(60);
    } finally {
      await mock.close();
    }
  }, 60_000);
});
