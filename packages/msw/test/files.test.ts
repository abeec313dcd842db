import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { batchHandlers } from "../src/batchHandlers.js";
import { createBatchSimulator } from "../src/createBatchSimulator.js";
import { chatJsonl, chatRequests } from "./fixtures.js";

// A base URL with a path prefix, as behind a proxy: signed URLs must keep it.
const BASE = "https://mock.test/api/mistral";
const sim = createBatchSimulator({ startTime: Date.UTC(2026, 7, 1, 12, 0, 0), queueDelayMs: 1, jobDurationMs: 1_000 });
const HOUR = 3_600_000;
/** The simulated time `ms` from now, as a signed URL's `se` writes it. */
const isoIn = (ms: number) => new Date(sim.clock.now() + ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const server = setupServer(...batchHandlers(sim, { baseUrl: BASE }));

beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
afterEach(() => sim.reset());
afterAll(() => server.close());

/** A call to the API as `token`; `null` sends no Authorization header. */
function call(path: string, token: string | null = "alice", init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  return fetch(path.startsWith("http") ? path : `${BASE}${path}`, { ...init, headers });
}

async function upload(fields: Record<string, string>, token = "alice", content = chatJsonl(2), name = "in.jsonl") {
  const form = new FormData();
  form.append("file", new File([content], name, { type: "application/jsonl" }));
  for (const [field, value] of Object.entries(fields)) form.append(field, value);
  const response = await call("/v1/files", token, { method: "POST", body: form });
  return { status: response.status, body: await response.json() };
}

const list = async (query = "", token = "alice") => (await call(`/v1/files${query}`, token)).json();
const createJob = (body: Record<string, unknown>, token = "alice") =>
  call("/v1/batch/jobs", token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ endpoint: "/v1/chat/completions", ...body }),
  });
const ids = (page: { data: Array<{ id: string }> }) => page.data.map((file) => file.id);

describe("POST /v1/files", () => {
  it("takes visibility and expiry, and describes the file with them and a signature", async () => {
    const { status, body } = await upload({ purpose: "batch", visibility: "user", expiry: "48" });
    expect(status).toBe(200);
    const created = Math.floor(sim.clock.now() / 1000);
    expect(body).toMatchObject({ visibility: "user", created_at: created, expires_at: created + 48 * 3600 });
    expect(body.signature).toMatch(/^[0-9a-f]{16}$/);
    expect((await upload({ purpose: "batch" })).body).toMatchObject({ visibility: "workspace", expires_at: null });
    // The same bytes, the same signature; other bytes, another.
    expect((await upload({}, "bob")).body.signature).toBe(body.signature);
    expect((await upload({}, "bob", chatJsonl(3))).body.signature).not.toBe(body.signature);
  });

  it("answers 422, as the API's enums and integer do, for an unknown purpose or visibility and a bad expiry", async () => {
    const { status, body } = await upload({ purpose: "audio", visibility: "org", expiry: "soon" });
    expect(status).toBe(422);
    expect(body.detail.map((issue: { loc: string[]; type: string }) => [issue.loc.join("."), issue.type])).toEqual([
      ["body.purpose", "enum"],
      ["body.visibility", "enum"],
      ["body.expiry", "int_parsing"],
    ]);
  });

  it("forgets a file once its expiry has passed on the simulated clock", async () => {
    const { body: file } = await upload({ purpose: "batch", expiry: "1" });
    sim.clock.advance(HOUR - 1_000);
    expect((await call(`/v1/files/${file.id}`)).status).toBe(200);
    sim.clock.advance(1_000);
    expect((await call(`/v1/files/${file.id}`)).status).toBe(404);
    expect(ids(await list())).toEqual([]);
    const job = await createJob({ input_files: [file.id] });
    expect(job.status).toBe(404);
  });
});

describe("GET /v1/files", () => {
  it("lists the caller's files newest first, a page at a time, with total", async () => {
    const uploaded: string[] = [];
    for (let i = 0; i < 3; i++) {
      uploaded.push((await upload({ purpose: "batch" })).body.id);
      sim.clock.advance(1_000);
    }
    const page = await list();
    expect(page).toMatchObject({ object: "list", total: 3 });
    expect(page.data[0]).toMatchObject({ object: "file", filename: "in.jsonl", purpose: "batch" });
    expect(ids(page)).toEqual([...uploaded].reverse());
    expect(await list("?page=1&page_size=2")).toMatchObject({ total: 3, data: [{ id: uploaded[0] }] });
    expect(await list("?include_total=false")).toMatchObject({ total: null });
  });

  it("filters by purpose, sample_type, source, mimetypes and a search in the name", async () => {
    const batch = (await upload({ purpose: "batch" }, "alice", chatJsonl(1), "Nightly-requests.jsonl")).body.id;
    const tune = (await upload({ purpose: "fine-tune" }, "alice", chatJsonl(1), "tune.jsonl")).body.id;
    // A finished job's output is listed without anyone looking at the job first.
    await createJob({ requests: chatRequests(2) });
    sim.clock.advance(2_000);
    const [output] = ids(await list("?source=mistral"));
    expect(output).toBeDefined();
    expect(ids(await list("?purpose=batch&source=upload"))).toEqual([batch]);
    expect(ids(await list("?sample_type=instruct"))).toEqual([tune]);
    expect(ids(await list("?sample_type=batch_request&sample_type=batch_result")).sort()).toEqual(
      [batch, output].sort(),
    );
    expect(ids(await list("?search=NIGHTLY"))).toEqual([batch]);
    expect(ids(await list("?mimetypes=text/plain"))).toEqual([]);
    expect(ids(await list("?mimetypes=text/plain&mimetypes=application/jsonl")).sort()).toEqual(
      [batch, tune, output].sort(),
    );
  });

  it.each([
    ["?purpose=audio", ["query", "purpose"], "enum"],
    ["?source=s3", ["query", "source", 0], "enum"],
    ["?sample_type=batch_result&sample_type=chat", ["query", "sample_type", 1], "enum"],
    ["?page=-1", ["query", "page"], "greater_than_equal"],
    ["?include_total=maybe", ["query", "include_total"], "bool_parsing"],
  ])("answers 422 for %s", async (query, loc, type) => {
    const response = await call(`/v1/files${query}`);
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toEqual([expect.objectContaining({ loc, type })]);
  });
});

describe("visibility", () => {
  it("keeps a user file to its uploader; a workspace file is everyone's", async () => {
    const mine = (await upload({ purpose: "batch", visibility: "user" })).body.id;
    const shared = (await upload({ purpose: "batch", visibility: "workspace" })).body.id;
    expect(ids(await list("", "alice")).sort()).toEqual([mine, shared].sort());
    expect(ids(await list("", "bob"))).toEqual([shared]);
    for (const path of ["", "/content", "/url"]) {
      expect((await call(`/v1/files/${mine}${path}`, "bob")).status).toBe(404);
      expect((await call(`/v1/files/${mine}${path}`, "alice")).status).toBe(200);
    }
    expect((await call(`/v1/files/${mine}`, "bob", { method: "DELETE" })).status).toBe(404);
    const bobsJob = await createJob({ input_files: [mine] }, "bob");
    expect(bobsJob.status).toBe(404);
  });
});

describe("GET /v1/files/{file_id}/url", () => {
  it("gives a URL under the mock's base that downloads the file without a bearer token, for 24 hours", async () => {
    const content = chatJsonl(3);
    const { body: file } = await upload({ purpose: "batch" }, "alice", content);
    const response = await call(`/v1/files/${file.id}/url`);
    expect(response.status).toBe(200);
    const { url } = await response.json();
    const signed = new URL(url);
    expect(`${signed.origin}${signed.pathname}`).toBe(`${BASE}/signed-files/${file.id}`);
    expect(signed.searchParams.get("se")).toBe(isoIn(24 * HOUR));
    expect(signed.searchParams.get("sp")).toBe("r");
    const download = await call(url, null);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect(await download.text()).toBe(content);
    sim.clock.advance(24 * HOUR - 1);
    expect((await call(url, null)).status).toBe(200);
    sim.clock.advance(1);
    const expired = await call(url, null);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ code: "url_expired" });
  });

  it("takes expiry in hours, from 1 to 168", async () => {
    const { body: file } = await upload({ purpose: "batch" });
    const { url } = await (await call(`/v1/files/${file.id}/url?expiry=1`)).json();
    expect(new URL(url).searchParams.get("se")).toBe(isoIn(HOUR));
    sim.clock.advance(HOUR);
    expect((await call(url, null)).status).toBe(403);
    for (const expiry of ["0", "169", "1.5"]) {
      const refused = await call(`/v1/files/${file.id}/url?expiry=${expiry}`);
      expect(refused.status).toBe(422);
      expect((await refused.json()).detail[0].loc).toEqual(["query", "expiry"]);
    }
    expect((await call("/v1/files/00000000-0000-4000-8000-000000000000/url")).status).toBe(404);
  });

  it("refuses a signature that was not given for that file, and answers 404 once the file is deleted", async () => {
    const first = (await upload({ purpose: "batch" })).body.id;
    const second = (await upload({ purpose: "batch" })).body.id;
    const { url } = await (await call(`/v1/files/${first}/url`)).json();
    const forged = new URL(url);
    forged.searchParams.set("sig", "0".repeat(32));
    expect((await call(forged.href, null)).status).toBe(403);
    expect((await call(url.replace(first, second), null)).status).toBe(403);
    await call(`/v1/files/${first}`, "alice", { method: "DELETE" });
    expect((await call(url, null)).status).toBe(404);
  });

  it("signs a job's generated output, and the download streams it", async () => {
    await createJob({ requests: chatRequests(3) });
    sim.clock.advance(2_000);
    const [output] = ids(await list("?sample_type=batch_result"));
    const { url } = await (await call(`/v1/files/${output}/url`)).json();
    expect((await (await call(url, null)).text()).trim().split("\n")).toHaveLength(3);
  });

  it("is subject to injected faults; the signed download is not", async () => {
    const { body: file } = await upload({ purpose: "batch" });
    const { url } = await (await call(`/v1/files/${file.id}/url`)).json();
    sim.faults.add({ method: "GET", path: "/v1/files/:file_id/url", status: 503 });
    sim.faults.add({ method: "GET", status: 500, times: 5 });
    expect((await call(`/v1/files/${file.id}/url`)).status).toBe(503);
    expect((await call(url, null)).status).toBe(200);
  });
});
