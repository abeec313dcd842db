import { afterEach, describe, expect, it, vi } from "vitest";
import { chatJsonl, chatRequests, readJsonl, thrown } from "../test/fixtures.js";
import { createBatchSimulator } from "./createBatchSimulator.js";
import { SimulatedApiError } from "./SimulatedApiError.js";

const timing = { queueDelayMs: 1_000, jobDurationMs: 10_000, cancelDelayMs: 500, startTime: 1_700_000_000_000 };
const endpoint = "/v1/chat/completions";

describe("job lifecycle on the manual clock", () => {
  it("goes QUEUED, RUNNING with rising counts, then SUCCESS with an output file", async () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, model: "mistral-small-latest", requests: chatRequests(10) });
    expect(job).toMatchObject({
      status: "QUEUED",
      total_requests: 10,
      completed_requests: 0,
      created_at: 1_700_000_000,
    });
    sim.clock.advance(1_000 + 5_000);
    expect(sim.getJob(job.id)).toMatchObject({
      status: "RUNNING",
      completed_requests: 5,
      succeeded_requests: 5,
      started_at: 1_700_000_001,
    });
    sim.clock.advance(5_000);
    const done = sim.getJob(job.id);
    expect(done).toMatchObject({
      status: "SUCCESS",
      completed_requests: 10,
      failed_requests: 0,
      completed_at: 1_700_000_011,
      error_file: null,
    });
    const lines = await readJsonl(sim.fileContent(done.output_file as string).stream);
    expect(lines.map((l) => l.custom_id)).toEqual(chatRequests(10).map((r) => r.custom_id));
    expect(lines[0]).toMatchObject({
      response: { status_code: 200, body: { object: "chat.completion" } },
      error: null,
    });
    expect(sim.getFile(done.output_file as string)).toMatchObject({
      purpose: "batch",
      sample_type: "batch_result",
      num_lines: 10,
    });
  });

  it("fails the configured share of requests and writes them to an error file", async () => {
    const sim = createBatchSimulator({ ...timing, failureRate: 0.25 });
    const job = sim.createJob({ endpoint, requests: chatRequests(8) });
    sim.clock.advance(11_000);
    const done = sim.getJob(job.id, { inline: true });
    expect(done).toMatchObject({
      status: "SUCCESS",
      succeeded_requests: 6,
      failed_requests: 2,
      errors: [{ count: 2 }],
    });
    const errors = await readJsonl(sim.fileContent(done.error_file as string).stream);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ response: null, error: { code: "simulated_failure" } });
    expect(done.outputs).toHaveLength(8);
  });

  it("ends FAILED when every request failed, and when failJob is called", () => {
    const sim = createBatchSimulator({ ...timing, failureRate: 1 });
    const all = sim.createJob({ endpoint, requests: chatRequests(3) });
    const other = sim.createJob({ endpoint, requests: chatRequests(3) });
    sim.clock.advance(2_000);
    expect(sim.failJob(other.id, "model exploded")).toMatchObject({
      status: "FAILED",
      errors: expect.arrayContaining([{ message: "model exploded", count: 1 }]),
    });
    sim.clock.advance(10_000);
    expect(sim.getJob(all.id)).toMatchObject({ status: "FAILED", failed_requests: 3, output_file: null });
    expect(thrown(() => sim.failJob(all.id))).toMatchObject({ status: 400 });
  });

  it("ends TIMEOUT_EXCEEDED when timeout_hours runs out before the job finishes", () => {
    const sim = createBatchSimulator({ ...timing, jobDurationMs: 2 * 3_600_000 });
    const job = sim.createJob({ endpoint, requests: chatRequests(100), timeout_hours: 1 });
    sim.clock.advance(3_600_000 - 1);
    expect(sim.getJob(job.id).status).toBe("RUNNING");
    sim.clock.advance(1);
    const timedOut = sim.getJob(job.id);
    expect(timedOut).toMatchObject({ status: "TIMEOUT_EXCEEDED", completed_at: 1_700_003_600 });
    expect(timedOut.completed_requests).toBeLessThan(100);
    sim.clock.advance(10 * 3_600_000);
    expect(sim.getJob(job.id).completed_requests).toBe(timedOut.completed_requests);
  });

  it("cancels a RUNNING job: CANCELLATION_REQUESTED, then CANCELLED with progress frozen", () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, requests: chatRequests(10) });
    sim.clock.advance(1_000 + 3_000);
    expect(sim.cancelJob(job.id)).toMatchObject({ status: "CANCELLATION_REQUESTED", completed_requests: 3 });
    // Cancelling again while the cancellation is under way is accepted and changes nothing.
    expect(sim.cancelJob(job.id).status).toBe("CANCELLATION_REQUESTED");
    sim.clock.advance(500);
    expect(sim.getJob(job.id)).toMatchObject({ status: "CANCELLED", completed_requests: 3 });
    expect(sim.cancelJob(job.id).status).toBe("CANCELLED");
  });

  it("cancels a QUEUED job before it starts", () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, requests: chatRequests(2) });
    sim.cancelJob(job.id);
    sim.clock.advance(60_000);
    expect(sim.getJob(job.id)).toMatchObject({ status: "CANCELLED", started_at: null, completed_requests: 0 });
  });

  it("refuses to cancel a finished job with a 400", () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, requests: chatRequests(2) });
    sim.clock.advance(11_000);
    const error = thrown(() => sim.cancelJob(job.id));
    expect(error).toBeInstanceOf(SimulatedApiError);
    expect(error).toMatchObject({
      status: 400,
      body: { object: "error", type: "invalid_request_error", code: "job_not_cancellable" },
    });
  });

  it("refuses to delete an unfinished job, deletes a finished one, then answers 404", () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, requests: chatRequests(2) });
    sim.clock.advance(2_000);
    expect(thrown(() => sim.deleteJob(job.id))).toMatchObject({ status: 400, body: { code: "job_not_deletable" } });
    sim.clock.advance(10_000);
    const output = sim.getJob(job.id).output_file as string;
    expect(sim.deleteJob(job.id)).toEqual({ id: job.id, object: "batch", deleted: true });
    expect(thrown(() => sim.getJob(job.id))).toMatchObject({ status: 404, body: { code: "job_not_found" } });
    expect(thrown(() => sim.deleteJob(job.id)).status).toBe(404);
    // The results outlive the job, as files do.
    expect(sim.getFile(output).deleted).toBe(false);
  });
});

describe("jobs from input files", () => {
  it("counts the lines of an uploaded batch file and runs them", async () => {
    const sim = createBatchSimulator(timing);
    const file = sim.uploadFile({ filename: "in.jsonl", content: chatJsonl(5), purpose: "batch" });
    expect(file).toMatchObject({
      object: "file",
      num_lines: 5,
      purpose: "batch",
      sample_type: "batch_request",
      source: "upload",
    });
    const job = sim.createJob({ endpoint, input_files: [file.id] });
    expect(job.total_requests).toBe(5);
    sim.clock.advance(11_000);
    const lines = await readJsonl(sim.fileContent(sim.getJob(job.id).output_file as string).stream);
    expect(lines.map((l) => l.custom_id)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
  });

  it.each([
    ["a missing file", () => "00000000-0000-4000-8000-000000000000", 404, "file_not_found"],
    [
      "a file that is not purpose batch",
      (s: Sim) => s.uploadFile({ filename: "f", content: chatJsonl(1) }).id,
      400,
      "invalid_file_purpose",
    ],
    [
      "malformed JSON",
      (s: Sim) => s.uploadFile({ filename: "f", content: `${chatJsonl(1)}\n{oops`, purpose: "batch" }).id,
      400,
      "invalid_batch_input",
    ],
    [
      "a line without body",
      (s: Sim) => s.uploadFile({ filename: "f", content: '{"custom_id":"1"}', purpose: "batch" }).id,
      400,
      "invalid_batch_input",
    ],
    [
      "an empty file",
      (s: Sim) => s.uploadFile({ filename: "f", content: "\n", purpose: "batch" }).id,
      400,
      "invalid_batch_input",
    ],
  ])("refuses %s", (_, makeId, status, code) => {
    const sim = createBatchSimulator(timing);
    const error = thrown(() => sim.createJob({ endpoint, input_files: [makeId(sim)] }));
    expect(error).toMatchObject({ status, body: { object: "error", code } });
  });

  it("says on which line an input file is malformed", () => {
    const sim = createBatchSimulator(timing);
    const id = sim.uploadFile({ filename: "f", content: `${chatJsonl(2)}\nnot json`, purpose: "batch" }).id;
    expect(thrown(() => sim.createJob({ endpoint, input_files: [id] })).body.message).toMatch(/line 3/);
  });
});

type Sim = ReturnType<typeof createBatchSimulator>;

describe("create validation", () => {
  it.each([
    ["no endpoint", { requests: chatRequests(1) }, ["body", "endpoint"], "missing"],
    ["a non-UUID file id", { endpoint, input_files: ["nope"] }, ["body", "input_files", 0], "uuid_parsing"],
    [
      "a request without body",
      { endpoint, requests: [{ custom_id: "a" }] },
      ["body", "requests", 0, "body"],
      "missing",
    ],
    ["more than 10,000 requests", { endpoint, requests: chatRequests(10_001) }, ["body", "requests"], "too_long"],
    [
      "timeout_hours below 1",
      { endpoint, requests: chatRequests(1), timeout_hours: 0 },
      ["body", "timeout_hours"],
      "greater_than_equal",
    ],
    [
      "timeout_hours above 168",
      { endpoint, requests: chatRequests(1), timeout_hours: 169 },
      ["body", "timeout_hours"],
      "less_than_equal",
    ],
    [
      "a non-string metadata value",
      { endpoint, requests: chatRequests(1), metadata: { a: 1 } },
      ["body", "metadata", "a"],
      "string_type",
    ],
    [
      "an endpoint the API does not list, as its closed enum does",
      { endpoint: "/v1/some/future/endpoint", requests: chatRequests(1) },
      ["body", "endpoint"],
      "enum",
    ],
  ])("answers 422 for %s", (_, body, loc, type) => {
    const sim = createBatchSimulator();
    const error = thrown(() => sim.createJob(body as never));
    expect(error.status).toBe(422);
    expect(error.body.detail).toEqual([expect.objectContaining({ loc, type })]);
  });

  it.each([
    ["neither input_files nor requests", { endpoint }],
    [
      "both input_files and requests",
      { endpoint, requests: chatRequests(1), input_files: ["00000000-0000-4000-8000-000000000000"] },
    ],
    ["empty requests", { endpoint, requests: [] }],
  ])("answers 400 for %s", (_, body) => {
    expect(thrown(() => createBatchSimulator().createJob(body as never))).toMatchObject({
      status: 400,
      body: { code: "invalid_batch_input" },
    });
  });

  it("answers 422 for ids that are not UUIDs and 404 for unknown ones", () => {
    const sim = createBatchSimulator();
    expect(thrown(() => sim.getJob("abc"))).toMatchObject({
      status: 422,
      body: { detail: [{ loc: ["path", "job_id"] }] },
    });
    expect(thrown(() => sim.getFile("00000000-0000-4000-8000-000000000000"))).toMatchObject({ status: 404 });
  });
});

describe("results", () => {
  it("are the same for the same requests", async () => {
    const sim = createBatchSimulator(timing);
    const a = sim.createJob({ endpoint: "/v1/embeddings", requests: [{ body: { input: ["x", "y"] } }] });
    const b = sim.createJob({ endpoint: "/v1/embeddings", requests: [{ body: { input: ["x", "y"] } }] });
    sim.clock.advance(11_000);
    const bodyOf = async (id: string) =>
      (
        (await readJsonl(sim.fileContent(sim.getJob(id).output_file as string).stream))[0] as {
          response: { body: { data: unknown[] } };
        }
      ).response.body;
    const first = await bodyOf(a.id);
    expect(first.data).toHaveLength(2);
    expect(await bodyOf(b.id)).toEqual(first);
  });

  it.each([
    ["/v1/chat/completions", "choices"],
    ["/v1/fim/completions", "choices"],
    ["/v1/embeddings", "data"],
    ["/v1/moderations", "results"],
    ["/v1/chat/moderations", "results"],
    ["/v1/classifications", "results"],
    ["/v1/chat/classifications", "results"],
    ["/v1/ocr", "pages"],
    ["/v1/conversations", "outputs"],
    ["/v1/audio/transcriptions", "text"],
  ])("have the shape of %s", (ep, field) => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({
      endpoint: ep,
      model: "m",
      requests: [{ custom_id: "0", body: { input: "hi", messages: [{ role: "user", content: "hi" }] } }],
    });
    sim.clock.advance(11_000);
    const [line] = sim.getJob(job.id, { inline: true }).outputs ?? [];
    expect((line as { response: { body: Record<string, unknown> } }).response.body).toHaveProperty(field);
  });

  it("have ids shaped as the document's example, batch-<8 hex>-<n>-<uuid>, the same on every read", async () => {
    const sim = createBatchSimulator({ ...timing, failureRate: 0.5 });
    const job = sim.createJob({ endpoint, requests: chatRequests(4) });
    sim.clock.advance(11_000);
    const done = sim.getJob(job.id);
    const read = async () =>
      [
        ...(await readJsonl(sim.fileContent(done.output_file as string).stream)),
        ...(await readJsonl(sim.fileContent(done.error_file as string).stream)),
      ].map((line) => line.id as string);
    const ids = await read();
    const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    for (const id of ids) expect(id).toMatch(new RegExp(`^batch-${job.id.slice(0, 8)}-[0-3]-${uuid}$`));
    expect(ids.map((id) => id.split("-")[2]).sort()).toEqual(["0", "1", "2", "3"]);
    expect(new Set(ids.map((id) => id.slice(-36))).size).toBe(4);
    expect(await read()).toEqual(ids);
  });

  it("are not inlined before the job ends", () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, requests: chatRequests(1) });
    expect(sim.getJob(job.id, { inline: true }).outputs).toBeNull();
  });

  it("forgets everything on reset", () => {
    const sim = createBatchSimulator(timing);
    const job = sim.createJob({ endpoint, requests: chatRequests(1) });
    sim.faults.add({ path: "/v1/batch/jobs" });
    sim.reset();
    expect(sim.listJobs().total).toBe(0);
    expect(sim.faults.list()).toEqual([]);
    expect(thrown(() => sim.getJob(job.id)).status).toBe(404);
  });
});

describe("ignoreMetadataFilters", () => {
  const seeded = (options: { ignoreMetadataFilters?: boolean }) => {
    const sim = createBatchSimulator({ ...timing, ...options });
    sim.createJob({ endpoint, model: "a", requests: chatRequests(1), metadata: { owner: "alice" } });
    sim.createJob({ endpoint, model: "b", requests: chatRequests(1), metadata: { owner: "bob" } });
    return sim;
  };

  it("lists every job whatever the metadata filter, other filters still applied", () => {
    const sim = seeded({ ignoreMetadataFilters: true });
    expect(sim.listJobs({ metadata: { owner: "alice" } }).total).toBe(2);
    expect(sim.listJobs({ metadata: { owner: "alice" }, model: "b" })).toMatchObject({
      data: [{ metadata: { owner: "bob" } }],
      total: 1,
    });
  });

  it("honours metadata filters by default", () => {
    expect(seeded({}).listJobs({ metadata: { owner: "alice" } }).total).toBe(1);
  });
});

describe("on the real clock", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A simulator on the real clock whose RUNNING job ends 1 ms of wall time from now; every later read is 1 ms on. */
  function jobAboutToEnd() {
    let wall = 0;
    vi.spyOn(Date, "now").mockImplementation(() => wall);
    const sim = createBatchSimulator({ clock: "real", startTime: 0, queueDelayMs: 0, jobDurationMs: 10_000 });
    const job = sim.createJob({ endpoint, requests: chatRequests(10) });
    wall = 9_999;
    vi.spyOn(Date, "now").mockImplementation(() => wall++);
    return { sim, job };
  }

  // A check and the change it allows read the clock once: the job cannot end between them and drop the change.
  it("records a cancel accepted while the job was RUNNING", () => {
    const { sim, job } = jobAboutToEnd();
    expect(sim.cancelJob(job.id).status).toBe("CANCELLATION_REQUESTED");
  });

  it("records a failJob accepted while the job was RUNNING", () => {
    const { sim, job } = jobAboutToEnd();
    expect(sim.failJob(job.id, "boom")).toMatchObject({ status: "FAILED", errors: [{ message: "boom", count: 1 }] });
  });
});
