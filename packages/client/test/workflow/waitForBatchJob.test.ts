import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type BatchJobProgress,
  InvalidRequestError,
  MistralBatch,
  RequestAbortedError,
  SDKError,
  WaitTimeoutError,
  waitForBatchJob,
} from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

// 100 requests: QUEUED for 1 s, RUNNING for 10 s with progress along the way.
const { simulator, server, core, requests } = useMockApi({ queueDelayMs: 1_000, jobDurationMs: 10_000 });
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

const newJob = (count = 100) =>
  simulator.createJob({
    endpoint: "/v1/moderations",
    model: "mistral-moderation-latest",
    requests: Array.from({ length: count }, (_, i) => ({ custom_id: String(i), body: { input: `t${i}` } })),
  });

/** Moves the client's timers and the simulator's clock forward together until `promise` settles. */
async function drive<T>(promise: Promise<T>, stepMs = 250, maxSteps = 10_000): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  for (let step = 0; !settled && step < maxSteps; step++) {
    simulator.clock.advance(stepMs);
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  return watched;
}

describe("batch.jobs.wait", () => {
  it("polls until SUCCESS, reporting each change of a monotonic progress", async () => {
    const job = newJob();
    const reports: BatchJobProgress[] = [];
    const done = await drive(
      waitForBatchJob(
        core,
        { job_id: job.id },
        { intervalMs: 300, maxIntervalMs: 1_000, onProgress: (p) => reports.push(p) },
      ),
    );
    expect(done.status).toBe("SUCCESS");
    expect(reports[0]).toMatchObject({ status: "QUEUED", completed: 0, total: 100 });
    expect(reports.at(-1)).toEqual({ status: "SUCCESS", completed: 100, total: 100, succeeded: 100, failed: 0 });
    expect(reports.some((p) => p.status === "RUNNING" && p.completed > 0 && p.completed < 100)).toBe(true);
    for (let i = 1; i < reports.length; i++) {
      const [before, after] = [reports[i - 1] as BatchJobProgress, reports[i] as BatchJobProgress];
      expect(after.completed).toBeGreaterThanOrEqual(before.completed);
      expect(after).not.toEqual(before);
    }
  });

  it("backs off between polls up to maxIntervalMs", async () => {
    const job = newJob();
    await drive(waitForBatchJob(core, { job_id: job.id }, { intervalMs: 100, maxIntervalMs: 2_000 }), 50);
    const polls = requests.filter((r) => r === `GET /v1/batch/jobs/${job.id}`).length;
    // 11 s of job at 100 ms growing 1.5x to 2 s: about 13 polls; a fixed 100 ms would take 110.
    expect(polls).toBeGreaterThan(5);
    expect(polls).toBeLessThan(20);
  });

  it("waits through CANCELLATION_REQUESTED until CANCELLED", async () => {
    const job = newJob();
    simulator.clock.advance(3_000);
    simulator.cancelJob(job.id);
    const statuses: string[] = [];
    const done = await drive(
      waitForBatchJob(core, { job_id: job.id }, { intervalMs: 200, onProgress: (p) => statuses.push(p.status) }),
    );
    expect(done.status).toBe("CANCELLED");
    expect(statuses[0]).toBe("CANCELLATION_REQUESTED");
  });

  it("treats an unknown status as not finished", async () => {
    const job = newJob();
    let polls = 0;
    server.use(
      http.get(`${MOCK_URL}/v1/batch/jobs/:id`, () => {
        polls++;
        if (polls <= 3) return HttpResponse.json({ ...job, status: "PAUSED_FOR_MAINTENANCE" });
        return undefined;
      }),
    );
    simulator.clock.advance(20_000);
    const done = await drive(waitForBatchJob(core, { job_id: job.id }, { intervalMs: 100 }));
    expect(done.status).toBe("SUCCESS");
    expect(polls).toBe(4);
  });

  it("rides out transient failures: 5XX, 429 and dropped connections", async () => {
    const noRetries = new MistralBatch({ apiKey: "sk", serverURL: MOCK_URL, retryConfig: { strategy: "none" } }).core;
    const job = newJob();
    const path = "/v1/batch/jobs/:id";
    simulator.faults.add({ method: "GET", path, status: 500, times: 2 });
    simulator.faults.add({ method: "GET", path, status: 429, times: 1 });
    simulator.faults.add({ method: "GET", path, kind: "reset", times: 2 });
    simulator.faults.add({ method: "GET", path, status: 502, times: 1 });
    const done = await drive(waitForBatchJob(noRetries, { job_id: job.id }, { intervalMs: 100 }));
    expect(done.status).toBe("SUCCESS");
    expect(simulator.faults.list()).toEqual([]);
  });

  it("rejects on an error that polling again will not fix", async () => {
    simulator.faults.add({ method: "GET", path: "/v1/batch/jobs/:id", status: 401 });
    const job = newJob();
    const error = await drive(waitForBatchJob(core, { job_id: job.id })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(401);
    const missing = "0b9c2a66-1d1f-4b0a-9a0e-3f3c9d8e7a61";
    await expect(drive(waitForBatchJob(core, { job_id: missing }))).rejects.toMatchObject({ statusCode: 404 });
  });

  it("rejects with WaitTimeoutError after timeoutMs, leaving the job running", async () => {
    const job = newJob();
    const error = await drive(waitForBatchJob(core, { job_id: job.id }, { intervalMs: 500, timeoutMs: 4_000 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ jobId: job.id, name: "WaitTimeoutError" });
    expect(simulator.getJob(job.id).status).toBe("RUNNING");
  });

  it("rejects with RequestAbortedError as soon as the signal aborts, mid-pause", async () => {
    const job = newJob();
    const controller = new AbortController();
    const waiting = waitForBatchJob(core, { job_id: job.id }, { intervalMs: 60_000, signal: controller.signal });
    waiting.catch(() => {});
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(waiting).rejects.toThrow(RequestAbortedError);
    expect(requests).toHaveLength(1);
  });

  it("refuses a job_id that is not a UUID before any request", async () => {
    await expect(waitForBatchJob(core, { job_id: "nope" })).rejects.toThrow(InvalidRequestError);
    expect(requests).toEqual([]);
  });
});
