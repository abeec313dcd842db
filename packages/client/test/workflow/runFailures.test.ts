import { describe, expect, it } from "vitest";
import { type BatchRequest, createMistralBatchCore, type RunResult, runBatch } from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

// Lines fail by custom_id: a tenth retryable (429, 500, 503: succeed when sent again), a twentieth for good (400,
// 422). At most 15,000 requests may be pending in the workspace; a job runs for a second.
const { simulator, core, server } = useMockApi({
  clock: "real",
  queueDelayMs: 5,
  jobDurationMs: 1_000,
  failures: { retryable: 0.1, permanent: 0.05 },
  maxPendingRequests: 15_000,
});

const FAST = { pollIntervalMs: 10, maxPollIntervalMs: 20, retryDelayMs: 1 };
const params = { endpoint: "/v1/moderations", model: "mistral-moderation-latest" } as const;
const makeRequests = (count: number, prefix = "r"): BatchRequest[] =>
  Array.from({ length: count }, (_, i) => ({ custom_id: `${prefix}${i}`, body: { input: `text ${i}` } }));

async function collect(results: AsyncIterable<RunResult>): Promise<RunResult[]> {
  const all: RunResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe("runs against per-line failures", () => {
  it("sends retryable failures again until they succeed, and leaves permanent ones final after one attempt", async () => {
    const run = await runBatch(core, { ...params, requests: makeRequests(1_000) }, { ...FAST, runId: "classes" });
    const results = await collect(run.results);
    expect(new Set(results.map((r) => r.custom_id)).size).toBe(1_000);
    const failed = results.filter((r) => r.response?.status_code !== 200);
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed) {
      expect([400, 422]).toContain(result.response?.status_code);
      expect(result.attempts).toBe(1);
    }
    const retried = results.filter((r) => r.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const result of retried) expect(result.response?.status_code).toBe(200);
    expect(await run.summary()).toMatchObject({ total: 1_000, failed: failed.length, retried: retried.length });
  });

  it("waits for its own jobs when the workspace's pending requests are at their cap, and creates none twice", async () => {
    let refused = 0;
    server.events.on("response:mocked", ({ request, response }) => {
      if (request.method === "POST" && request.url.endsWith("/v1/batch/jobs") && response.status === 429) refused++;
    });
    // No retries of its own: a refused create goes back to the run, which waits for one of its jobs to end.
    const once = createMistralBatchCore({ apiKey: "sk", serverURL: MOCK_URL, retryConfig: { strategy: "none" } });
    const run = await runBatch(
      once,
      { ...params, requests: makeRequests(30_000, "p") },
      { ...FAST, runId: "capped", maxRequestsPerJob: 10_000 },
    );
    const results = await collect(run.results);
    expect(new Set(results.map((r) => r.custom_id)).size).toBe(30_000);
    const firstRound = (simulator.listJobs({ metadata: { run_id: "capped" }, page_size: 100 }).data ?? []).filter(
      (job) => Number(job.metadata?.run_part) < 3,
    );
    expect(firstRound).toHaveLength(3);
    expect(refused).toBeGreaterThan(0); // the cap was met, and waited out
  }, 60_000);
});
