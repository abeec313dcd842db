import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/index.js";
import { useMockApi } from "../support/mockApi.js";
import { collect, FAST, makeRequests, params } from "../support/runs.js";

// An hour of timeout_hours lasts 150 ms of the mock's clock, and a job needs 400 ms: each one times out part-way.
const slow = useMockApi({ clock: "real", queueDelayMs: 5, jobDurationMs: 400, timeoutHourMs: 150 });

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
