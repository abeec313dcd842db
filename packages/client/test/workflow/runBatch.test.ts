import { describe, expect, it } from "vitest";
import {
  type BatchRequest,
  BatchValidationError,
  createMemoryRunStore,
  MistralBatch,
  RequestAbortedError,
  RUN_ID_METADATA_KEY,
  RunLockedError,
  type RunProgress,
  type RunResult,
  type RunStore,
  runBatch,
} from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";
import { collect, FAST, makeRequests, params } from "../support/runs.js";

// A real-time simulator with short jobs: a run waits for real, a tenth of a second per job.
const { simulator, core, requests } = useMockApi({ clock: "real", queueDelayMs: 20, jobDurationMs: 100 });

const expectEachOnce = (results: RunResult[], count: number, prefix = "r") => {
  const ids = results.map((r) => r.custom_id);
  expect(ids).toHaveLength(count);
  expect(new Set(ids)).toEqual(new Set(makeRequests(count, prefix).map((r) => r.custom_id)));
};

const jobsOf = (runId: string) => simulator.listJobs({ metadata: { [RUN_ID_METADATA_KEY]: runId } }).data ?? [];

describe("batch.run", () => {
  it("sends a small run inline as one job, and yields every result once with its attempt count", async () => {
    const reports: RunProgress[] = [];
    const mistral = new MistralBatch({ apiKey: "sk", serverURL: MOCK_URL });
    const run = await mistral.batch.run(
      { ...params, requests: makeRequests(40), metadata: { team: "search" } },
      { ...FAST, runId: "small", onProgress: (p) => reports.push(p) },
    );
    const results = await collect(run.results);
    expectEachOnce(results, 40);
    expect(results.every((r) => r.attempts === 1 && r.response?.status_code === 200)).toBe(true);
    const [job, ...others] = jobsOf("small");
    expect(others).toEqual([]);
    expect(job).toMatchObject({ input_files: [], metadata: { team: "search", run_id: "small", run_part: "0" } });
    expect(requests).not.toContain("POST /v1/files");
    expect(reports.at(-1)).toMatchObject({ total: 40, inputDone: true, completed: 40, succeeded: 40, pending: 0 });
    expect(await run.summary()).toMatchObject({ total: 40, succeeded: 40, failed: 0, retried: 0 });
  });

  it("splits a one-shot iterable into jobs by request count, at most maxJobsInFlight at a time", async () => {
    async function* generate() {
      yield* makeRequests(25_000, "g");
    }
    const inFlight: number[] = [];
    const run = await runBatch(
      core,
      { ...params, requests: generate() },
      {
        ...FAST,
        runId: "split",
        maxRequestsPerJob: 10_000,
        maxJobsInFlight: 2,
        onProgress: (p) => inFlight.push((p.jobs.QUEUED ?? 0) + (p.jobs.RUNNING ?? 0)),
      },
    );
    expectEachOnce(await collect(run.results), 25_000, "g");
    const jobs = jobsOf("split");
    expect(jobs.map((j) => j.total_requests).sort()).toEqual([10_000, 10_000, 5_000].sort());
    expect(requests.filter((r) => r === "POST /v1/files")).toHaveLength(3);
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(2);
  }, 60_000);

  it("cuts a part before it passes maxFileBytes", async () => {
    const body = { input: "é".repeat(500) }; // 1,000 bytes of UTF-8 in 500 characters
    const large = Array.from({ length: 50 }, (_, i) => ({ custom_id: `b${i}`, body }));
    const run = await runBatch(core, { ...params, requests: large }, { ...FAST, maxFileBytes: 10_240, runId: "bytes" });
    expectEachOnce(await collect(run.results), 50, "b");
    const files = jobsOf("bytes").flatMap((j) => j.input_files.map((id) => simulator.getFile(id)));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(file?.bytes).toBeLessThanOrEqual(10_240);
  });

  it("reports bad lines of an array with their numbers before sending anything", async () => {
    const bad = makeRequests(12_000) as unknown[];
    bad[4] = { custom_id: "r4" };
    bad[11_000] = { custom_id: "r0", body: {} };
    const error = await runBatch(core, { ...params, requests: bad as BatchRequest[] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchValidationError);
    expect((error as BatchValidationError).issues).toEqual([
      { lineNumber: 5, message: "body must be an object" },
      { lineNumber: 11_001, message: 'custom_id "r0" is used by an earlier line' },
    ]);
    expect(requests).toEqual([]);
  });

  it("stops at a bad line of a one-shot iterable, naming it, and creates no job from its part", async () => {
    async function* generate() {
      yield* makeRequests(11_000);
      yield { custom_id: "late" } as unknown as BatchRequest;
    }
    const run = await runBatch(core, { ...params, requests: generate() }, FAST);
    const error = await collect(run.results).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchValidationError);
    expect((error as BatchValidationError).issues).toEqual([{ lineNumber: 11_001, message: "body must be an object" }]);
    expect(simulator.listJobs().total).toBe(0);
  });

  it("rejects at once with RequestAbortedError when the signal has already aborted", async () => {
    await expect(
      runBatch(core, { ...params, requests: makeRequests(3) }, { signal: AbortSignal.abort() }),
    ).rejects.toThrow(RequestAbortedError);
    expect(requests).toEqual([]);
  });

  it("without cancelOnAbort, leaves the job running; the same id resumes it and creates nothing new", async () => {
    const store = createMemoryRunStore();
    const controller = new AbortController();
    const first = await runBatch(
      core,
      { ...params, requests: makeRequests(20_000) },
      {
        ...FAST,
        store,
        runId: "resume",
        maxRequestsPerJob: 10_000,
        maxJobsInFlight: 1,
        signal: controller.signal,
        onProgress: (p) => p.completed > 0 && controller.abort(),
      },
    );
    await expect(collect(first.results)).rejects.toThrow(RequestAbortedError);
    const before = jobsOf("resume");
    expect(before).toHaveLength(1);
    expect(before.every((j) => !j.status.startsWith("CANCEL"))).toBe(true);

    const again = await runBatch(
      core,
      { ...params, requests: makeRequests(20_000) },
      { ...FAST, store, runId: "resume", maxRequestsPerJob: 10_000 },
    );
    expectEachOnce(await collect(again.results), 20_000);
    expect(jobsOf("resume")).toHaveLength(2);
    expect(requests.filter((r) => r === "POST /v1/files")).toHaveLength(2);
  }, 60_000);

  it("run again after it finished: yields every result again and creates nothing", async () => {
    const store = createMemoryRunStore();
    const options = { ...FAST, store, runId: "twice" };
    await (await runBatch(core, { ...params, requests: makeRequests(30) }, options)).summary();
    const creates = requests.filter((r) => r === "POST /v1/batch/jobs").length;
    const replay = await runBatch(core, { ...params, requests: makeRequests(30) }, options);
    expectEachOnce(await collect(replay.results), 30);
    expect(requests.filter((r) => r === "POST /v1/batch/jobs")).toHaveLength(creates);
    expect(jobsOf("twice")).toHaveLength(1);
  });

  it("refuses a second driver of a live run with RunLockedError, and frees the run once the first is done", async () => {
    const store = createMemoryRunStore();
    const first = await runBatch(core, { ...params, requests: makeRequests(5) }, { ...FAST, store, runId: "lock" });
    await expect(runBatch(core, { ...params, requests: makeRequests(5) }, { store, runId: "lock" })).rejects.toThrow(
      RunLockedError,
    );
    await first.summary();
    const second = await runBatch(core, { ...params, requests: makeRequests(5) }, { ...FAST, store, runId: "lock" });
    expectEachOnce(await collect(second.results), 5);
  });

  it("after a crash between the create and the manifest write, finds the job by its key instead of creating one", async () => {
    const memory = createMemoryRunStore();
    let crash = true;
    const crashing: RunStore = {
      ...memory,
      async save(manifest) {
        if (crash && manifest.parts.some((part) => part.jobId)) {
          crash = false;
          throw new Error("simulated crash");
        }
        return memory.save(manifest);
      },
    };
    const first = await runBatch(
      core,
      { ...params, requests: makeRequests(12_000) },
      { ...FAST, store: crashing, runId: "crash" },
    );
    await expect(collect(first.results)).rejects.toThrow("simulated crash");
    const resumed = await runBatch(
      core,
      { ...params, requests: makeRequests(12_000) },
      { ...FAST, store: memory, runId: "crash" },
    );
    expectEachOnce(await collect(resumed.results), 12_000);
    expect(jobsOf("crash")).toHaveLength(1);
  }, 60_000);

  it("after a crash between an upload and its manifest write, finds the file by name and uploads it once", async () => {
    const memory = createMemoryRunStore();
    let crash = true;
    const crashing: RunStore = {
      ...memory,
      async save(manifest) {
        if (crash && manifest.parts.some((part) => part.fileId)) {
          crash = false;
          throw new Error("simulated crash");
        }
        return memory.save(manifest);
      },
    };
    const options = { ...FAST, runId: "upload-crash" };
    const first = await runBatch(core, { ...params, requests: makeRequests(12_000) }, { ...options, store: crashing });
    await expect(collect(first.results)).rejects.toThrow("simulated crash");
    const resumed = await runBatch(core, { ...params, requests: makeRequests(12_000) }, { ...options, store: memory });
    expectEachOnce(await collect(resumed.results), 12_000);
    expect(requests.filter((r) => r === "POST /v1/files")).toHaveLength(1);
    expect(jobsOf("upload-crash")).toHaveLength(1);
  }, 60_000);

  it("creates each job once even when the create's answer is lost", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 502 });
    const run = await runBatch(core, { ...params, requests: makeRequests(5) }, { ...FAST, runId: "lost" });
    expectEachOnce(await collect(run.results), 5);
    expect(jobsOf("lost")).toHaveLength(1);
  });
});
