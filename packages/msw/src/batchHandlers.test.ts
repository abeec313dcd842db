import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { chatJsonl, chatRequests } from "../test/fixtures.js";
import { batchHandlers } from "./batchHandlers.js";
import { createBatchSimulator } from "./createBatchSimulator.js";

// A base URL with a path prefix, as behind a proxy.
const BASE = "https://mock.test/api/mistral";
const sim = createBatchSimulator({ queueDelayMs: 1, jobDurationMs: 1_000, cancelDelayMs: 1 });
const server = setupServer(...batchHandlers(sim, { baseUrl: BASE }));
const auth = { authorization: "Bearer test-key" };

function call(path: string, init: RequestInit = {}) {
  return fetch(`${BASE}${path}`, {
    ...init,
    headers: {
      ...auth,
      ...(typeof init.body === "string" ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
  });
}

function create(body: unknown = { endpoint: "/v1/chat/completions", requests: chatRequests(2) }) {
  return call("/v1/batch/jobs", { method: "POST", body: JSON.stringify(body) });
}

beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
afterEach(() => sim.reset());
afterAll(() => server.close());

describe("batchHandlers", () => {
  it.each([
    ["a.jsonl", `attachment; filename="a.jsonl"; filename*=UTF-8''a.jsonl`],
    [
      '\u00e9t\u00e9 "\uD83D\uDE00".jsonl',
      `attachment; filename="_t_ ___.jsonl"; filename*=UTF-8''%C3%A9t%C3%A9%20%22%F0%9F%98%80%22.jsonl`,
    ],
    ["half\uD800.jsonl", `attachment; filename="half_.jsonl"; filename*=UTF-8''half%EF%BF%BD.jsonl`],
  ])("serves the download of a file named %j", async (filename, disposition) => {
    const file = sim.uploadFile({ filename, content: "{}\n" });
    const download = await call(`/v1/files/${file.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(disposition);
    expect(await download.text()).toBe("{}\n");
  });

  it("runs a job through create, get, list and download under a prefixed base URL", async () => {
    const job = await (await create()).json();
    expect(job.status).toBe("QUEUED");
    sim.clock.advance(1_001);
    const done = await (await call(`/v1/batch/jobs/${job.id}?inline=true`)).json();
    expect(done).toMatchObject({ status: "SUCCESS", outputs: [{ custom_id: "r0" }, { custom_id: "r1" }] });
    const list = await (await call("/v1/batch/jobs?status=SUCCESS&status=FAILED")).json();
    expect(list).toMatchObject({ object: "list", total: 1, data: [{ id: job.id }] });
    const download = await call(`/v1/files/${done.output_file}/content`);
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect((await download.text()).trim().split("\n")).toHaveLength(2);
  });

  it("uploads a multipart batch file and creates a job from it", async () => {
    const form = new FormData();
    form.append("file", new Blob([chatJsonl(3)]), "input.jsonl");
    form.append("purpose", "batch");
    const file = await (await call("/v1/files", { method: "POST", body: form })).json();
    expect(file).toMatchObject({ filename: "input.jsonl", num_lines: 3, purpose: "batch" });
    expect(await (await call(`/v1/files/${file.id}`)).json()).toMatchObject({ id: file.id, deleted: false });
    const job = await (await create({ endpoint: "/v1/chat/completions", input_files: [file.id] })).json();
    expect(job.total_requests).toBe(3);
    expect(await (await call(`/v1/files/${file.id}`, { method: "DELETE" })).json()).toEqual({
      id: file.id,
      object: "file",
      deleted: true,
    });
    expect((await call(`/v1/files/${file.id}`)).status).toBe(404);
  });

  it("answers 422 to an upload without a file part", async () => {
    const form = new FormData();
    form.append("purpose", "batch");
    const response = await call("/v1/files", { method: "POST", body: form });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ loc: ["body", "file"], msg: "Field required", type: "missing" }],
    });
  });

  it.each([
    ["no Authorization header", {}],
    ["an empty bearer token", { authorization: "Bearer " }],
    ["another scheme", { authorization: "Basic abc" }],
  ])("answers 401 with a JSON body for %s", async (_, headers) => {
    const response = await fetch(`${BASE}/v1/batch/jobs`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "Unauthorized", request_id: expect.any(String) });
  });

  it("requires the exact key when apiKey is set", async () => {
    const strict = createBatchSimulator({ apiKey: "secret" });
    server.use(...batchHandlers(strict, { baseUrl: "https://strict.test" }));
    expect((await fetch("https://strict.test/v1/batch/jobs", { headers: auth })).status).toBe(401);
    expect(
      (await fetch("https://strict.test/v1/batch/jobs", { headers: { authorization: "Bearer secret" } })).status,
    ).toBe(200);
    server.resetHandlers();
  });

  it("answers the API's JSON errors: 404, 422, 400", async () => {
    const missing = await call("/v1/batch/jobs/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    // The one not-found body of the shared contract: the proxy answers the same for a missing job.
    expect(await missing.json()).toEqual({
      object: "error",
      message: "Batch job 00000000-0000-4000-8000-000000000000 not found.",
      type: "not_found_error",
      param: null,
      code: "job_not_found",
    });
    const yes = await call("/v1/batch/jobs/00000000-0000-4000-8000-000000000000?inline=maybe");
    expect(await yes.json()).toMatchObject({ detail: [{ loc: ["query", "inline"], type: "bool_parsing" }] });
    const badId = await call("/v1/batch/jobs/not-a-uuid/cancel", { method: "POST" });
    expect(badId.status).toBe(422);
    const badJson = await call("/v1/batch/jobs", { method: "POST", body: "{" });
    expect(await badJson.json()).toMatchObject({ detail: [{ type: "json_invalid" }] });
    const badPage = await call("/v1/batch/jobs?page_size=0");
    expect(await badPage.json()).toMatchObject({
      detail: [{ loc: ["query", "page_size"], type: "greater_than_equal" }],
    });
    // The API documents no maximum page size.
    expect((await call("/v1/batch/jobs?page_size=5000")).status).toBe(200);
    const badInline = await call("/v1/batch/jobs/00000000-0000-4000-8000-000000000000?inline=maybe");
    expect(badInline.status).toBe(422);
  });

  it("cancels and deletes over HTTP", async () => {
    const job = await (await create()).json();
    const cancelled = await (await call(`/v1/batch/jobs/${job.id}/cancel`, { method: "POST" })).json();
    expect(cancelled.status).toBe("CANCELLATION_REQUESTED");
    sim.clock.advance(1);
    const deleted = await call(`/v1/batch/jobs/${job.id}`, { method: "DELETE" });
    expect(await deleted.json()).toEqual({ id: job.id, object: "batch", deleted: true });
  });
});

describe("fault injection", () => {
  it("fails the next matching request with a status and Retry-After, then recovers", async () => {
    await call("/__mock/faults", {
      method: "POST",
      body: JSON.stringify({ method: "POST", path: "/v1/batch/jobs", status: 503, retry_after: 2 }),
    });
    const failed = await create();
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("2");
    expect(await failed.json()).toMatchObject({ object: "error", code: "injected_fault" });
    expect(sim.listJobs().total).toBe(0);
    expect((await create()).status).toBe(200);
  });

  it('applies the operation then fails the response with when: "after"', async () => {
    sim.faults.add({ method: "POST", path: "/v1/batch/jobs", when: "after", status: 502 });
    expect((await create()).status).toBe(502);
    expect(sim.listJobs().total).toBe(1);
  });

  it("matches :param path patterns and counts times", async () => {
    const job = await (await create()).json();
    sim.faults.add({ path: "/v1/batch/jobs/:job_id", times: 2, status: 500 });
    expect((await call(`/v1/batch/jobs/${job.id}`)).status).toBe(500);
    expect((await call(`/v1/batch/jobs/${job.id}`)).status).toBe(500);
    expect((await call(`/v1/batch/jobs/${job.id}`)).status).toBe(200);
  });

  it("drops the connection with kind reset", async () => {
    sim.faults.add({ kind: "reset" });
    await expect(call("/v1/batch/jobs")).rejects.toThrow(TypeError);
  });

  it("sends truncated JSON with kind malformed", async () => {
    sim.faults.add({ kind: "malformed", when: "after" });
    const response = await call("/v1/batch/jobs");
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("delays with kind delay", async () => {
    sim.faults.add({ kind: "delay", delay_ms: 80 });
    const started = performance.now();
    expect((await call("/v1/batch/jobs")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it("refuses an invalid fault with a 400", async () => {
    const response = await call("/__mock/faults", { method: "POST", body: JSON.stringify({ kind: "explode" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ object: "error", code: "invalid_fault" });
  });

  it("clears jobs, files and faults on POST /__mock/reset", async () => {
    await create();
    sim.faults.add({ path: "/v1/files" });
    const response = await fetch(`${BASE}/__mock/reset`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(sim.listJobs().total).toBe(0);
    expect(sim.faults.list()).toEqual([]);
  });
});
