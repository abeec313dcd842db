import { readFileSync } from "node:fs";
import {
  KNOWN_API_ENDPOINTS,
  KNOWN_BATCH_JOB_STATUSES,
  KNOWN_FILE_PURPOSES,
  KNOWN_FILE_SOURCES,
  KNOWN_FILE_VISIBILITIES,
  KNOWN_SAMPLE_TYPES,
} from "@mistral-batch/client";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { batchHandlers } from "../src/batchHandlers.js";
import { createBatchSimulator } from "../src/createBatchSimulator.js";
import { chatJsonl, chatRequests } from "./fixtures.js";

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }>;
}
const spec = parse(readFileSync(new URL("../../../openapi/mistral-batch.yaml", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Operation["responses"][string]>; schemas: Record<string, unknown> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat("binary", true);
ajv.addSchema(spec, "spec");

const BASE = "https://api.mistral.ai";
const sim = createBatchSimulator({ queueDelayMs: 1_000, jobDurationMs: 10_000, failureRate: 0.3 });
const server = setupServer(...batchHandlers(sim));
const headers = { authorization: "Bearer spec" };
let checked = 0;

/** The spec's JSON schema name for a response of `method` on the path template `route`. */
function schemaName(route: string, method: string, status: number): string {
  const responses = spec.paths[route]?.[method]?.responses ?? {};
  let response = responses[String(status)] ?? responses.default;
  if (response?.$ref) response = spec.components.responses[response.$ref.split("/").pop() as string];
  const ref = response?.content?.["application/json"]?.schema.$ref;
  if (!ref) throw new Error(`no JSON schema for ${method} ${route} ${status}`);
  return ref;
}

/** Calls the simulated API and validates the JSON answer against the spec; returns it. */
async function check(method: string, route: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method: method.toUpperCase(),
    ...init,
    headers: { ...headers, ...init.headers },
  });
  const body: unknown = await response.json();
  const validate = ajv.getSchema(`spec${schemaName(route, method, response.status)}`);
  if (!validate) throw new Error("schema not found");
  expect(validate(body), `${method} ${path} ${response.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  checked++;
  return { status: response.status, body: body as Record<string, string> };
}

const json = (value: unknown): RequestInit => ({
  body: JSON.stringify(value),
  headers: { "content-type": "application/json" },
});
const NO_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
afterAll(() => server.close());

describe("every simulated response conforms to openapi/mistral-batch.yaml", () => {
  it("batch job routes, through the whole lifecycle", async () => {
    const jobs = "/v1/batch/jobs";
    const job = "/v1/batch/jobs/{job_id}";
    const ids: string[] = [];
    const unknown = await check(
      "post",
      jobs,
      jobs,
      json({ endpoint: "/v1/some/future/endpoint", requests: chatRequests(1) }),
    );
    expect(unknown).toMatchObject({ status: 422, body: { detail: [{ loc: ["body", "endpoint"], type: "enum" }] } });
    for (const endpoint of KNOWN_API_ENDPOINTS) {
      const created = await check(
        "post",
        jobs,
        jobs,
        json({ endpoint, model: "m", requests: chatRequests(4), metadata: { k: "v" } }),
      );
      expect(created.status).toBe(200);
      ids.push(created.body.id as string);
    }
    const [first, second, third] = ids as [string, string, string];
    await check("get", jobs, "/v1/batch/jobs?status=QUEUED&page_size=3");
    sim.clock.advance(3_000);
    await check("get", job, `/v1/batch/jobs/${first}`);
    expect((await check("post", `${job}/cancel`, `/v1/batch/jobs/${second}/cancel`)).body.status).toBe(
      "CANCELLATION_REQUESTED",
    );
    sim.failJob(third, "boom");
    sim.clock.advance(10_000);
    for (const id of ids) {
      const done = await check("get", job, `/v1/batch/jobs/${id}?inline=true`);
      expect(done.body.outputs).not.toBeNull();
    }
    await check("get", jobs, "/v1/batch/jobs?order_by=created&created_by_me=true");
    expect((await check("post", `${job}/cancel`, `/v1/batch/jobs/${first}/cancel`)).status).toBe(400);
    expect((await check("delete", job, `/v1/batch/jobs/${first}`)).status).toBe(200);
    expect((await check("get", job, `/v1/batch/jobs/${first}`)).status).toBe(404);
  });

  it("file routes", async () => {
    const form = new FormData();
    form.append("file", new Blob([chatJsonl(5)]), "in.jsonl");
    form.append("purpose", "batch");
    const file = await check("post", "/v1/files", "/v1/files", { body: form });
    expect(file.status).toBe(200);
    const privateForm = new FormData();
    privateForm.append("file", new Blob([chatJsonl(1)], { type: "application/jsonl" }), "mine.jsonl");
    for (const [name, value] of [
      ["purpose", "fine-tune"],
      ["visibility", "user"],
      ["expiry", "24"],
    ]) {
      privateForm.append(name as string, value as string);
    }
    expect((await check("post", "/v1/files", "/v1/files", { body: privateForm })).body).toMatchObject({
      visibility: "user",
    });
    await check("get", "/v1/files/{file_id}", `/v1/files/${file.body.id}`);
    const created = await check(
      "post",
      "/v1/batch/jobs",
      "/v1/batch/jobs",
      json({ endpoint: "/v1/chat/completions", input_files: [file.body.id] }),
    );
    sim.clock.advance(11_000);
    const done = await check("get", "/v1/batch/jobs/{job_id}", `/v1/batch/jobs/${created.body.id}`);
    for (const id of [done.body.output_file, done.body.error_file]) {
      expect((await check("get", "/v1/files/{file_id}", `/v1/files/${id}`)).body.sample_type).toMatch(
        /^batch_(result|error)$/,
      );
      const content = await fetch(`${BASE}/v1/files/${id}/content`, { headers });
      expect(content.headers.get("content-type")).toBe("application/octet-stream");
    }
    for (const query of [
      "",
      "?page_size=2&include_total=false",
      "?purpose=batch&source=mistral&sample_type=batch_result",
    ]) {
      expect((await check("get", "/v1/files", `/v1/files${query}`)).status).toBe(200);
    }
    expect((await check("get", "/v1/files", "/v1/files?search=mine&mimetypes=application/jsonl")).body.total).toBe(1);
    expect((await check("get", "/v1/files", "/v1/files?purpose=audio")).status).toBe(422);
    const url = "/v1/files/{file_id}/url";
    expect((await check("get", url, `/v1/files/${file.body.id}/url`)).body.url).toMatch(/\/signed-files\//);
    expect((await check("get", url, `/v1/files/${done.body.output_file}/url?expiry=168`)).status).toBe(200);
    expect((await check("get", url, `/v1/files/${file.body.id}/url?expiry=169`)).status).toBe(422);
    expect((await check("get", url, `/v1/files/${NO_ID}/url`)).status).toBe(404);
    expect((await check("delete", "/v1/files/{file_id}", `/v1/files/${file.body.id}`)).status).toBe(200);
    expect((await check("get", "/v1/files/{file_id}", `/v1/files/${NO_ID}`)).status).toBe(404);
    expect((await check("post", "/v1/files", "/v1/files", { body: new FormData() })).status).toBe(422);
  });

  it("errors: 401, 422, 400, 404 and injected faults", async () => {
    const jobs = "/v1/batch/jobs";
    expect((await check("get", jobs, jobs, { headers: { authorization: "" } })).status).toBe(401);
    expect((await check("get", jobs, "/v1/batch/jobs?page=-1")).status).toBe(422);
    expect((await check("post", jobs, jobs, json({ model: "m" }))).status).toBe(422);
    expect((await check("post", jobs, jobs, json({ endpoint: "/v1/ocr" }))).status).toBe(400);
    expect((await check("post", jobs, jobs, json({ endpoint: "/v1/ocr", input_files: [NO_ID] }))).status).toBe(404);
    expect((await check("get", "/v1/batch/jobs/{job_id}", "/v1/batch/jobs/nope")).status).toBe(422);
    sim.faults.add({ path: jobs, status: 503, retry_after: 1 });
    expect((await check("get", jobs, jobs)).status).toBe(503);
  });

  it("checked every response it made", () => {
    expect(checked).toBeGreaterThan(50);
  });
});

describe("the client's lists of known values", () => {
  const knownValues = (schema: string) =>
    (spec.components.schemas[schema] as { anyOf: Array<{ enum?: string[] }> }).anyOf.find((member) => member.enum)
      ?.enum;

  it("are the spec's open enums", () => {
    expect(knownValues("ApiEndpoint")).toEqual([...KNOWN_API_ENDPOINTS]);
    expect(knownValues("BatchJobStatus")).toEqual([...KNOWN_BATCH_JOB_STATUSES]);
    expect(knownValues("FilePurpose")).toEqual([...KNOWN_FILE_PURPOSES]);
    expect(knownValues("FileVisibility")).toEqual([...KNOWN_FILE_VISIBILITIES]);
    expect(knownValues("SampleType")).toEqual([...KNOWN_SAMPLE_TYPES]);
    expect(knownValues("FileSource")).toEqual([...KNOWN_FILE_SOURCES]);
  });
});
