// What a multi-job run engine needs from the mock: failure classes that follow a custom_id across jobs, jobs that
// time out part-way, and the workspace's cap on pending requests.
import { MistralBatch, SDKError } from "@mistral-batch/client";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { batchHandlers, createBatchSimulator } from "../src/index.js";
import { parseCliArgs } from "../src/node/parseCliArgs.js";
import { chatJsonl, chatRequests, readJsonl, thrown } from "./fixtures.js";

const timing = { queueDelayMs: 1_000, jobDurationMs: 10_000, cancelDelayMs: 500, startTime: 1_700_000_000_000 };
const endpoint = "/v1/chat/completions";
type Line = {
  custom_id: string;
  response: { status_code: number; body: Record<string, unknown> } | null;
  error: unknown;
};

async function finish(sim: ReturnType<typeof createBatchSimulator>, requests = chatRequests(1_000)) {
  const created = sim.createJob({ endpoint, requests });
  sim.clock.advance(11_000);
  const job = sim.getJob(created.id);
  const read = async (id: string | null | undefined) =>
    id ? ((await readJsonl(sim.fileContent(id).stream)) as unknown as Line[]) : [];
  return { job, output: await read(job.output_file), errors: await read(job.error_file) };
}

describe("failures: retryable and permanent classes", () => {
  it("fails about the configured shares with statuses of each class, counted exactly in the job", async () => {
    const sim = createBatchSimulator({ ...timing, failures: { retryable: 0.2, permanent: 0.1 } });
    const { job, output, errors } = await finish(sim);
    const statuses = errors.map((line) => line.response?.status_code);
    const retryable = statuses.filter((s) => s === 429 || s === 500 || s === 503).length;
    const permanent = statuses.filter((s) => s === 400 || s === 422).length;
    expect(retryable + permanent).toBe(errors.length);
    expect(retryable).toBeGreaterThan(150);
    expect(retryable).toBeLessThan(250);
    expect(permanent).toBeGreaterThan(60);
    expect(permanent).toBeLessThan(140);
    expect(new Set(statuses)).toEqual(new Set([429, 500, 503, 400, 422]));
    expect(job).toMatchObject({ status: "SUCCESS", failed_requests: errors.length, succeeded_requests: output.length });
    expect(output.length + errors.length).toBe(1_000);
    expect(output.every((line) => line.response?.status_code === 200 && line.error === null)).toBe(true);
  });

  it("writes each failure as a response with the API's error body and a null error", async () => {
    const sim = createBatchSimulator({ ...timing, failures: { retryable: 0.5, permanent: 0.5 } });
    const { job, errors } = await finish(sim, chatRequests(200));
    expect(job).toMatchObject({ status: "FAILED", failed_requests: 200 });
    const byStatus = new Map(errors.map((line) => [line.response?.status_code, line]));
    expect(byStatus.get(429)).toMatchObject({
      id: expect.stringMatching(/^batch-[0-9a-f]{8}-\d+-[0-9a-f-]{36}$/),
      response: {
        status_code: 429,
        body: {
          object: "error",
          message: "Rate limit exceeded.",
          type: "rate_limited",
          param: null,
          code: "rate_limited",
        },
      },
      error: null,
    });
    expect(byStatus.get(503)?.response?.body).toMatchObject({ object: "error", code: "unavailable" });
    expect(byStatus.get(500)?.response?.body).toMatchObject({ object: "error", code: "internal_error" });
    expect(byStatus.get(400)?.response?.body).toMatchObject({ object: "error", code: "invalid_request" });
    expect(byStatus.get(422)?.response?.body).toMatchObject({
      object: "error",
      code: "invalid_request_body",
      detail: [{ loc: ["body"], type: "value_error" }],
    });
  });

  it("lets a retryable line succeed in a later job with the same custom_id, while a permanent one fails again", async () => {
    const sim = createBatchSimulator({ ...timing, failures: { retryable: 0.2, permanent: 0.1 } });
    const first = await finish(sim);
    const retried = chatRequests(1_000).filter((r) => first.errors.some((line) => line.custom_id === r.custom_id));
    const second = await finish(sim, retried);
    const permanentIds = first.errors.filter(
      (l) => (l.response?.status_code ?? 0) < 500 && l.response?.status_code !== 429,
    );
    expect(second.errors.map((l) => l.custom_id).sort()).toEqual(permanentIds.map((l) => l.custom_id).sort());
    expect(second.errors.map((l) => l.response?.status_code)).toEqual(
      second.errors.map((l) => permanentIds.find((p) => p.custom_id === l.custom_id)?.response?.status_code),
    );
    expect(second.output).toHaveLength(retried.length - permanentIds.length);
    // A third job of the whole set: only the permanent ones fail.
    const third = await finish(sim);
    expect(third.errors).toHaveLength(permanentIds.length);
  });

  it("fails a retryable custom_id on its first retryableAttempts attempts, then succeeds", async () => {
    const sim = createBatchSimulator({ ...timing, failures: { retryable: 1, retryableAttempts: 2 } });
    expect((await finish(sim, chatRequests(5))).errors).toHaveLength(5);
    expect((await finish(sim, chatRequests(5))).errors).toHaveLength(5);
    expect((await finish(sim, chatRequests(5))).output).toHaveLength(5);
    sim.reset(); // forgets the attempts
    expect((await finish(sim, chatRequests(5))).errors).toHaveLength(5);
  });

  it("decides by custom_id alone: the same ids fail in another simulator, in another order, from an input file", async () => {
    const options = { ...timing, failures: { retryable: 0.1, permanent: 0.1, seed: 7 } };
    const inline = await finish(createBatchSimulator(options), chatRequests(300).reverse());
    const sim = createBatchSimulator(options);
    const file = sim.uploadFile({ filename: "in.jsonl", content: chatJsonl(300), purpose: "batch" });
    const created = sim.createJob({ endpoint, input_files: [file.id] });
    sim.clock.advance(11_000);
    const job = sim.getJob(created.id);
    const errors = (await readJsonl(sim.fileContent(job.error_file as string).stream)) as unknown as Line[];
    const key = (lines: Line[]) => lines.map((l) => `${l.custom_id}:${l.response?.status_code}`).sort();
    expect(key(errors)).toEqual(key(inline.errors));
    const other = await finish(
      createBatchSimulator({ ...options, failures: { ...options.failures, seed: 8 } }),
      chatRequests(300),
    );
    expect(key(other.errors)).not.toEqual(key(inline.errors));
  });

  it("keeps failureRate as it was, its evenly spread lines taking precedence", async () => {
    const sim = createBatchSimulator({ ...timing, failureRate: 0.25, failures: { permanent: 0.1 } });
    const { errors } = await finish(sim, chatRequests(40));
    const simulated = errors.filter((l) => l.response === null);
    expect(simulated.map((l) => l.custom_id)).toEqual([
      "r3",
      "r7",
      "r11",
      "r15",
      "r19",
      "r23",
      "r27",
      "r31",
      "r35",
      "r39",
    ]);
    expect(simulated[0]?.error).toEqual({ message: "Simulated failure of this request.", code: "simulated_failure" });
  });

  it("refuses shares outside [0, 1] or adding up past 1", () => {
    expect(() => createBatchSimulator({ failures: { retryable: 1.5 } })).toThrow(RangeError);
    expect(() => createBatchSimulator({ failures: { retryable: 0.6, permanent: 0.6 } })).toThrow(RangeError);
    expect(() => createBatchSimulator({ failures: { retryableAttempts: 0.5 } })).toThrow(RangeError);
  });
});

describe("TIMEOUT_EXCEEDED part-way", () => {
  it("holds only the processed lines in the output and error files", async () => {
    // One hour of timeout_hours lasts 6 s: the job times out 5 s into its 10 s run, half-way.
    const sim = createBatchSimulator({ ...timing, timeoutHourMs: 6_000, failures: { retryable: 0.3 } });
    const created = sim.createJob({ endpoint, requests: chatRequests(1_000), timeout_hours: 1 });
    sim.clock.advance(60_000);
    const job = sim.getJob(created.id);
    expect(job).toMatchObject({ status: "TIMEOUT_EXCEEDED", completed_requests: 500, completed_at: 1_700_000_006 });
    const output = await readJsonl(sim.fileContent(job.output_file as string).stream);
    const errors = await readJsonl(sim.fileContent(job.error_file as string).stream);
    expect(output.length).toBe(job.succeeded_requests);
    expect(errors.length).toBe(job.failed_requests);
    expect(errors.length).toBeGreaterThan(0);
    const seen = new Set([...output, ...errors].map((line) => line.custom_id));
    const processed = chatRequests(500).map((r) => r.custom_id);
    expect([...seen].sort()).toEqual([...processed].sort());
    for (const r of chatRequests(1_000).slice(500)) expect(seen.has(r.custom_id)).toBe(false);
    // A retry of the unprocessed half in a new job runs them for the first time.
    expect(sim.getJob(created.id, { inline: true }).outputs).toHaveLength(500);
  });

  it("refuses a timeoutHourMs that is not positive", () => {
    expect(() => createBatchSimulator({ timeoutHourMs: 0 })).toThrow(RangeError);
  });
});

describe("maxPendingRequests", () => {
  it("refuses with a 429 a create that would pass the cap, counting only unfinished jobs", () => {
    const sim = createBatchSimulator({ ...timing, maxPendingRequests: 100 });
    const first = sim.createJob({ endpoint, requests: chatRequests(60) });
    sim.createJob({ endpoint, requests: chatRequests(40) });
    const refused = thrown(() => sim.createJob({ endpoint, requests: chatRequests(1) }));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      object: "error",
      message: expect.stringContaining("limit of 100"),
      type: "rate_limited",
      param: null,
      code: "too_many_pending_requests",
    });
    expect(sim.listJobs().total).toBe(2);
    sim.cancelJob(first.id); // CANCELLATION_REQUESTED still counts
    expect(thrown(() => sim.createJob({ endpoint, requests: chatRequests(1) })).status).toBe(429);
    sim.clock.advance(500); // CANCELLED
    expect(sim.createJob({ endpoint, requests: chatRequests(60) }).status).toBe("QUEUED");
    sim.clock.advance(11_000); // all finished
    expect(sim.createJob({ endpoint, requests: chatRequests(100) }).status).toBe("QUEUED");
  });

  it("defaults to the guide's 1,000,000 and counts the lines of input files", () => {
    const sim = createBatchSimulator(timing);
    const big = sim.uploadFile({ filename: "big.jsonl", content: chatJsonl(100_000), purpose: "batch" });
    for (let i = 0; i < 10; i++) sim.createJob({ endpoint, input_files: [big.id] });
    expect(thrown(() => sim.createJob({ endpoint, requests: chatRequests(1) })).status).toBe(429);
    const small = createBatchSimulator({ ...timing, maxPendingRequests: 10 });
    const file = small.uploadFile({ filename: "in.jsonl", content: chatJsonl(11), purpose: "batch" });
    expect(thrown(() => small.createJob({ endpoint, input_files: [file.id] })).status).toBe(429);
  });

  describe("over msw", () => {
    const sim = createBatchSimulator({ ...timing, maxPendingRequests: 5 });
    const server = setupServer(...batchHandlers(sim));
    beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
    afterEach(() => sim.reset());
    afterAll(() => server.close());

    it("answers the create with 429 and the error body", async () => {
      const mistral = new MistralBatch({ apiKey: "test", retryConfig: { strategy: "none" } });
      await mistral.batch.jobs.create({ endpoint, requests: chatRequests(5) });
      const error = await mistral.batch.jobs.create({ endpoint, requests: chatRequests(1) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKError);
      expect(error).toMatchObject({
        statusCode: 429,
        body: { code: "too_many_pending_requests", type: "rate_limited" },
      });
    });
  });
});

describe("mistral-batch-mock flags", () => {
  it("reads the failure, cap and timeout flags", () => {
    const parsed = parseCliArgs([
      "--retryable-failure-rate",
      "0.2",
      "--permanent-failure-rate",
      "0.05",
      "--retryable-attempts",
      "2",
      "--failure-seed",
      "3",
      "--max-pending-requests",
      "5000",
      "--timeout-hour-ms",
      "6000",
    ]);
    expect(parsed).toMatchObject({
      help: false,
      options: {
        failures: { retryable: 0.2, permanent: 0.05, retryableAttempts: 2, seed: 3 },
        maxPendingRequests: 5000,
        timeoutHourMs: 6000,
      },
    });
    const plain = parseCliArgs([]);
    expect(plain.help === false && "failures" in plain.options).toBe(false);
    expect(() => parseCliArgs(["--max-pending-requests", "1.5"])).toThrow(/integer/);
    expect(() => parseCliArgs(["--retryable-failure-rate", "2"])).toThrow(/0 to 1/);
  });
});
