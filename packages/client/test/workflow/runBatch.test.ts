import { describe, expect, it } from "vitest";
import {
  type BatchJobProgress,
  type BatchRequest,
  type BatchResult,
  BatchValidationError,
  MAX_INLINE_BYTES,
  MistralBatch,
  RequestAbortedError,
  runBatch,
} from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

// A real-time simulator with short jobs: run() waits for real, in about a tenth of a second.
const { simulator, core, requests } = useMockApi({
  clock: "real",
  queueDelayMs: 20,
  jobDurationMs: 100,
  failureRate: 0.1,
});

const POLL = { intervalMs: 10, maxIntervalMs: 20 };
const params = { endpoint: "/v1/moderations", model: "mistral-moderation-latest" } as const;
const makeRequests = (count: number, prefix = "r"): BatchRequest[] =>
  Array.from({ length: count }, (_, i) => ({ custom_id: `${prefix}${i}`, body: { input: `text ${i}` } }));

async function customIds(results: AsyncIterable<BatchResult>): Promise<string[]> {
  const ids: string[] = [];
  for await (const result of results) ids.push(result.custom_id);
  return ids;
}

const expectEachOnce = (ids: string[], count: number, prefix = "r") => {
  expect(ids).toHaveLength(count);
  expect(new Set(ids)).toEqual(new Set(makeRequests(count, prefix).map((r) => r.custom_id)));
};

describe("batch.run", () => {
  it("sends a small batch inline, waits, and returns every result once", async () => {
    const reports: BatchJobProgress[] = [];
    const mistral = new MistralBatch({ apiKey: "sk", serverURL: MOCK_URL });
    const { job, results } = await mistral.batch.run(
      { ...params, requests: makeRequests(40), metadata: { run: "inline" } },
      { ...POLL, onProgress: (p) => reports.push(p) },
    );
    expect(job.status).toBe("SUCCESS");
    expect(job.input_files).toEqual([]);
    expect(job.metadata).toMatchObject({ run: "inline" });
    expect(reports.at(-1)?.status).toBe("SUCCESS");
    expect(requests).not.toContain("POST /v1/files");
    expectEachOnce(await customIds(results), 40);
  });

  it("uploads 12,000 requests as a streamed JSONL file, and every custom_id comes back exactly once", async () => {
    const { job, results } = await runBatch(core, { ...params, requests: makeRequests(12_000) }, POLL);
    expect(job).toMatchObject({ status: "SUCCESS", total_requests: 12_000 });
    expect(job.input_files).toHaveLength(1);
    expect(simulator.getFile(job.input_files[0] as string)).toMatchObject({ purpose: "batch", num_lines: 12_000 });
    expect(requests.filter((r) => r === "POST /v1/files")).toHaveLength(1);
    expectEachOnce(await customIds(results), 12_000);
  }, 30_000);

  it("streams a one-shot async iterable past the inline limit into a file", async () => {
    async function* generate() {
      yield* makeRequests(10_001, "g");
    }
    const { job, results } = await runBatch(core, { ...params, requests: generate() }, POLL);
    expect(job.input_files).toHaveLength(1);
    expectEachOnce(await customIds(results), 10_001, "g");
  }, 30_000);

  it("keeps a short one-shot iterable inline", async () => {
    function* generate() {
      yield* makeRequests(10_000, "s");
    }
    const { job, results } = await runBatch(core, { ...params, requests: generate() }, POLL);
    expect(job.input_files).toEqual([]);
    expectEachOnce(await customIds(results), 10_000, "s");
  }, 30_000);

  it("uploads a few requests too large together for an inline create", async () => {
    const big = "x".repeat(Math.ceil(MAX_INLINE_BYTES / 50));
    const large = Array.from({ length: 60 }, (_, i) => ({ custom_id: `b${i}`, body: { input: big } }));
    const { job, results } = await runBatch(core, { ...params, requests: large }, POLL);
    expect(job.input_files).toHaveLength(1);
    expectEachOnce(await customIds(results), 60, "b");
  }, 30_000);

  it("takes a JSONL file as a Blob: inline when small, uploaded when large", async () => {
    const jsonl = (count: number) =>
      new Blob([
        makeRequests(count)
          .map((r) => `${JSON.stringify(r)}\r\n`)
          .join(""),
      ]);
    const small = await runBatch(core, { ...params, requests: jsonl(25) }, POLL);
    expect(small.job.input_files).toEqual([]);
    expectEachOnce(await customIds(small.results), 25);
    const large = await runBatch(core, { ...params, requests: jsonl(10_500) }, POLL);
    expect(large.job.input_files).toHaveLength(1);
    expectEachOnce(await customIds(large.results), 10_500);
  }, 30_000);

  it("reports bad requests with their line numbers before sending anything", async () => {
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

  it("reports a malformed JSONL line with its number before uploading anything", async () => {
    const lines = makeRequests(12_000).map((r) => JSON.stringify(r));
    lines[6_999] = '{"custom_id": "r6999", "body": {"input": "unterminated}';
    const error = await runBatch(core, { ...params, requests: new Blob([lines.join("\n")]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchValidationError);
    expect((error as BatchValidationError).issues.map((i) => i.lineNumber)).toEqual([7_000]);
    expect(requests).toEqual([]);
  });

  it("stops a streaming upload at a bad line of a one-shot iterable, and creates no job", async () => {
    async function* generate() {
      yield* makeRequests(11_000);
      yield { custom_id: "late" } as unknown as BatchRequest;
    }
    const error = await runBatch(core, { ...params, requests: generate() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchValidationError);
    expect((error as BatchValidationError).issues).toEqual([{ lineNumber: 11_001, message: "body must be an object" }]);
    expect(requests).not.toContain("POST /v1/batch/jobs");
    expect(simulator.listJobs().total).toBe(0);
  });

  it("rejects at once with RequestAbortedError when the signal has already aborted", async () => {
    const signal = AbortSignal.abort();
    await expect(runBatch(core, { ...params, requests: makeRequests(3) }, { signal })).rejects.toThrow(
      RequestAbortedError,
    );
    expect(requests).toEqual([]);
  });

  it("with cancelOnAbort, cancels the remote job when the signal aborts during the wait", async () => {
    const controller = new AbortController();
    const running = runBatch(
      core,
      { ...params, requests: makeRequests(10) },
      { ...POLL, signal: controller.signal, cancelOnAbort: true, onProgress: () => controller.abort() },
    );
    await expect(running).rejects.toThrow(RequestAbortedError);
    const [job] = simulator.listJobs().data ?? [];
    expect(["CANCELLATION_REQUESTED", "CANCELLED"]).toContain(job?.status);
    expect(requests).toContain(`POST /v1/batch/jobs/${job?.id}/cancel`);
  });

  it("without cancelOnAbort, leaves the job running when the signal aborts", async () => {
    const controller = new AbortController();
    const running = runBatch(
      core,
      { ...params, requests: makeRequests(10) },
      { ...POLL, signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(running).rejects.toThrow(RequestAbortedError);
    expect(simulator.listJobs().data?.[0]?.status).not.toMatch(/CANCEL/);
    expect(requests.some((r) => r.endsWith("/cancel"))).toBe(false);
  });

  it("creates the job once under the given idempotency key, even when the create answer is lost", async () => {
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 502 });
    const { job } = await runBatch(
      core,
      { ...params, requests: makeRequests(5) },
      { ...POLL, idempotencyKey: "nightly" },
    );
    expect(job.status).toBe("SUCCESS");
    expect(simulator.listJobs().data?.map((j) => j.id)).toEqual([job.id]);
  });
});
