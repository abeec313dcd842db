import { describe, expect, it } from "vitest";
import { type BatchRequest, type RunResult, runBatch } from "../../src/index.js";
import { useMockApi } from "../support/mockApi.js";

// An hour of timeout_hours lasts 150 ms of the mock's clock, and a job needs 400 ms: each one times out part-way.
const slow = useMockApi({ clock: "real", queueDelayMs: 5, jobDurationMs: 400, timeoutHourMs: 150 });

const FAST = { pollIntervalMs: 10, maxPollIntervalMs: 20, retryDelayMs: 1 };
const params = { endpoint: "/v1/moderations", model: "mistral-moderation-latest" } as const;
const makeRequests = (count: number): BatchRequest[] =>
  Array.from({ length: count }, (_, i) => ({ custom_id: `r${i}`, body: { input: `text ${i}` } }));

async function collect(results: AsyncIterable<RunResult>): Promise<RunResult[]> {
  const all: RunResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe("runs against jobs that time out", () => {
  it("sends the lines a TIMEOUT_EXCEEDED job never ran again, and reports the rest as not processed", async () => {
    const run = await runBatch(
      slow.core,
      { ...params, requests: makeRequests(2_000), timeout_hours: 1 },
      { ...FAST, runId: "timeouts" },
    );
    const results = await collect(run.results);
    expect(new Set(results.map((r) => r.custom_id)).size).toBe(2_000);
    const jobs = slow.simulator.listJobs({ metadata: { run_id: "timeouts" } }).data ?? [];
    expect(jobs.map((job) => job.status)).toContain("TIMEOUT_EXCEEDED");
    expect(results.some((r) => r.attempts > 1 && r.response?.status_code === 200)).toBe(true);
    for (const result of results.filter((r) => r.response === null)) {
      expect(result).toMatchObject({ attempts: 3, error: { code: "not_processed" } });
    }
  }, 30_000);
});
