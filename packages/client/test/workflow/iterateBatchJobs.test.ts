import { describe, expect, it } from "vitest";
import { type BatchJob, iterateBatchJobs, MistralBatch } from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

const { simulator, core, requests } = useMockApi();

/** Creates `count` jobs a second apart, so that their order by creation is well defined. */
function createJobs(count: number, model = "mistral-small-latest"): string[] {
  return Array.from({ length: count }, () => {
    simulator.clock.advance(1_000);
    return simulator.createJob({
      endpoint: "/v1/embeddings",
      model,
      requests: [{ custom_id: "0", body: { input: "x" } }],
    }).id;
  });
}

async function collectIds(jobs: AsyncIterable<BatchJob>, onEach?: (count: number) => void): Promise<string[]> {
  const ids: string[] = [];
  for await (const job of jobs) {
    ids.push(job.id);
    onEach?.(ids.length);
  }
  return ids;
}

describe("batch.jobs.iterate", () => {
  it("yields every job once across pages and stops at total", async () => {
    const created = createJobs(95);
    const ids = await collectIds(iterateBatchJobs(core, { page_size: 10 }));
    expect(ids).toHaveLength(95);
    expect(new Set(ids)).toEqual(new Set(created));
    expect(requests).toHaveLength(10);
  });

  it("makes one request when everything fits a page, and none past an exact last page", async () => {
    createJobs(20);
    expect(await collectIds(iterateBatchJobs(core, { page_size: 20 }))).toHaveLength(20);
    expect(requests).toHaveLength(1);
  });

  it("yields nothing when there is no job", async () => {
    expect(await collectIds(iterateBatchJobs(core))).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it.each(["-created", "created"] as const)(
    "with order_by %s, jobs created during the iteration cause no duplicate, no miss and no endless loop",
    async (order_by) => {
      const created = createJobs(60);
      // A new job after every yielded one: the pages shift under the iteration all the time.
      const ids = await collectIds(iterateBatchJobs(core, { page_size: 7, order_by }), () => createJobs(1));
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(created));
      expect(simulator.listJobs().total).toBe(120);
    },
  );

  it("passes the filters on to every page", async () => {
    createJobs(12, "model-a");
    const wanted = createJobs(15, "model-b");
    const mistral = new MistralBatch({ apiKey: "sk", serverURL: MOCK_URL });
    const ids = await collectIds(mistral.batch.jobs.iterate({ model: "model-b", page_size: 4 }));
    expect(new Set(ids)).toEqual(new Set(wanted));
    expect(requests.every((r) => r === "GET /v1/batch/jobs")).toBe(true);
  });

  it("stops fetching when the caller stops early", async () => {
    createJobs(50);
    for await (const _ of iterateBatchJobs(core, { page_size: 10 })) break;
    expect(requests).toHaveLength(1);
  });
});
