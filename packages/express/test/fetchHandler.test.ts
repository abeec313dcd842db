import { MistralBatch } from "@mistral-batch/client";
import { notFoundBody } from "@mistral-batch/client/contract";
import { describe, expect, it } from "vitest";
import { call, JOB_BODY, MOUNT, useFetchHandlerOverMock } from "./support/useFetchHandlerOverMock.js";

const JSON_TYPE = { "content-type": "application/json" };
const LINES = `${JSON.stringify({ custom_id: "0", body: { input: "hi" } })}\n`;

describe("createFetchHandler, driven with web Requests as two users", () => {
  const suite = useFetchHandlerOverMock();
  const create = async (user: "alice" | "bob") => {
    const created = await call(suite.handle, user, "POST", "/v1/batch/jobs", { headers: JSON_TYPE, body: JOB_BODY });
    expect(created.status).toBe(200);
    return created.json.id as string;
  };

  it("keeps each user to their own jobs: list, get, cancel, delete", async () => {
    const aliceJob = await create("alice");
    const bobJob = await create("bob");
    const aliceList = await call(suite.handle, "alice", "GET", "/v1/batch/jobs");
    expect((aliceList.json.data as { id: string }[]).map((job) => job.id)).toEqual([aliceJob]);
    expect(aliceList.json.total).toBe(1);
    const got = await call(suite.handle, "alice", "GET", `/v1/batch/jobs/${aliceJob}`);
    expect(got.json).toMatchObject({ id: aliceJob, metadata: { owner: "alice" } });
    expect(got.headers.get("cache-control")).toBe("private, no-store");

    const missing = "00000000-0000-4000-8000-000000000000";
    const absent = await call(suite.handle, "bob", "GET", `/v1/batch/jobs/${missing}`);
    for (const [method, suffix] of [
      ["GET", ""],
      ["POST", "/cancel"],
      ["DELETE", ""],
    ] as const) {
      const theirs = await call(suite.handle, "bob", method, `/v1/batch/jobs/${aliceJob}${suffix}`);
      expect(theirs.status).toBe(404);
      expect(theirs.json).toEqual(notFoundBody("job", aliceJob));
    }
    expect(absent.json).toEqual(notFoundBody("job", missing));
    // Bob's cancel and delete never reached the upstream: only reads did.
    expect(
      suite.upstreamRequests.filter((request) => request.method !== "GET" && request.path !== "/v1/batch/jobs"),
    ).toEqual([]);
    expect(await call(suite.handle, "bob", "GET", `/v1/batch/jobs/${bobJob}`)).toMatchObject({ status: 200 });
  });

  it("streams an upload with the owner's tag and keeps files to their uploader", async () => {
    const form = new FormData();
    form.append("purpose", "batch");
    form.append("file", new Blob([LINES]), "in.jsonl");
    const uploaded = await call(suite.handle, "alice", "POST", "/v1/files", { body: form });
    expect(uploaded.status).toBe(200);
    expect(uploaded.json.filename).toBe("in.jsonl");
    const id = uploaded.json.id as string;
    const download = await suite.handle(
      new Request(`${MOUNT}/v1/files/${id}/content`, { headers: { authorization: "Bearer token-alice" } }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''in.jsonl");
    expect(await download.text()).toBe(LINES);
    expect((await call(suite.handle, "bob", "GET", `/v1/files/${id}`)).status).toBe(404);
    expect((await call(suite.handle, "bob", "GET", "/v1/files")).json.data).toEqual([]);
    expect((await call(suite.handle, "alice", "GET", "/v1/files")).json.total).toBe(1);
  });

  it("answers 401 without a user, 404 outside its base path, JSON errors for bad input", async () => {
    expect((await call(suite.handle, null, "GET", "/v1/batch/jobs")).status).toBe(401);
    const outside = await call(suite.handle, "alice", "GET", "/v1/batch/jobs", { base: "http://app.test/elsewhere" });
    expect(outside.status).toBe(404);
    expect(outside.json).toMatchObject({ object: "error", type: "not_found_error" });
    expect((await call(suite.handle, "alice", "GET", "/v1/batch/jobs/not-a-uuid")).status).toBe(400);
    const invalid = await call(suite.handle, "alice", "POST", "/v1/batch/jobs", { headers: JSON_TYPE, body: "{}" });
    expect(invalid.status).toBe(400);
    expect((await call(suite.handle, "alice", "PUT", "/v1/batch/jobs")).status).toBe(405);
    expect(suite.upstreamRequests).toEqual([]);
  });

  it("serves our client with serverURL set to the mount", async () => {
    const client = new MistralBatch({
      apiKey: "token-alice",
      serverURL: MOUNT,
      fetch: (input, init) => suite.handle(new Request(input, init)),
    });
    const job = await client.batch.jobs.create({ endpoint: "/v1/moderations", model: "m", requests: [{ body: {} }] });
    expect((await client.batch.jobs.get({ job_id: job.id })).metadata).toEqual({ owner: "alice" });
    expect((await client.batch.jobs.list()).total).toBe(1);
  });

  it("rejects a base path without its leading slash when it is made", async () => {
    const { createFetchHandler } = await import("../src/fetch.js");
    expect(() => createFetchHandler({ apiKey: "k", authorize: () => null, basePath: "api" })).toThrow(TypeError);
  });
});
