import { describe, expect, it } from "vitest";
import { MistralBatch, RETRY_OF_METADATA_KEY, runBatch } from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";
import { collect, FAST, makeRequests, params } from "../support/runs.js";

// Jobs that fail a tenth of their lines with no answer: failures worth sending again.
const { simulator, core } = useMockApi({ clock: "real", queueDelayMs: 5, jobDurationMs: 30, failureRate: 0.1 });

describe("retries of failed lines", () => {
  it("resends failed lines in new jobs with the same custom_ids, up to maxAttempts, and counts them", async () => {
    const run = await runBatch(core, { ...params, requests: makeRequests(200) }, { ...FAST, runId: "retry" });
    const results = await collect(run.results);
    expect(new Set(results.map((r) => r.custom_id)).size).toBe(200);
    expect(results).toHaveLength(200);
    const summary = await run.summary();
    expect(summary.retried).toBeGreaterThan(0);
    expect(summary.retried).toBe(results.filter((r) => r.attempts > 1).length);
    expect(Math.max(...results.map((r) => r.attempts))).toBeLessThanOrEqual(3);
    const jobs = simulator.listJobs({ metadata: { run_id: "retry" } }).data ?? [];
    expect(jobs.length).toBeGreaterThan(1);
    // A retry job holds exactly the lines that failed before it.
    const retried = results.filter((r) => r.attempts > 1).map((r) => r.custom_id);
    const second = jobs.find((j) => j.metadata?.run_part === "1");
    expect(second?.total_requests).toBeGreaterThanOrEqual(retried.length);
  }, 30_000);

  it("with order 'input', yields in the input's order across parts and retries", async () => {
    const run = await runBatch(
      core,
      { ...params, requests: makeRequests(300) },
      { ...FAST, runId: "ordered", order: "input", maxRequestsPerJob: 100, maxJobsInFlight: 3 },
    );
    const results = await collect(run.results);
    expect(results.map((r) => r.custom_id)).toEqual(makeRequests(300).map((r) => r.custom_id));
    expect(results.some((r) => r.attempts > 1)).toBe(true);
  }, 30_000);

  it("with maxAttempts 1, every failure is final", async () => {
    const run = await runBatch(
      core,
      { ...params, requests: makeRequests(100) },
      { ...FAST, runId: "once", maxAttempts: 1 },
    );
    const results = await collect(run.results);
    expect(results).toHaveLength(100);
    expect(results.filter((r) => r.error !== null)).toHaveLength(10);
    expect(simulator.listJobs().total).toBe(1);
  });

  it("retryFailed makes one job of a finished job's failed lines, once, naming its parent", async () => {
    const mistral = new MistralBatch({ apiKey: "sk", serverURL: MOCK_URL });
    const file = await mistral.files.upload({ file: makeRequests(50) });
    const created = await mistral.batch.jobs.create({ ...params, input_files: [file.id], metadata: { team: "a" } });
    const parent = await mistral.batch.jobs.wait({ job_id: created.id }, { intervalMs: 10 });
    expect(parent.failed_requests).toBe(5);
    const retry = await mistral.batch.jobs.retryFailed(parent);
    expect(retry).toMatchObject({ total_requests: 5, metadata: { team: "a", [RETRY_OF_METADATA_KEY]: parent.id } });
    expect((await mistral.batch.jobs.retryFailed(parent)).id).toBe(retry.id);
    const failedIds = new Set<string>();
    for await (const r of mistral.batch.jobs.results(parent)) if (r.error) failedIds.add(r.custom_id);
    const done = await mistral.batch.jobs.wait({ job_id: retry.id }, { intervalMs: 10 });
    const resent = new Set<string>();
    for await (const r of mistral.batch.jobs.results(done)) resent.add(r.custom_id);
    expect(resent).toEqual(failedIds);
  });
});
