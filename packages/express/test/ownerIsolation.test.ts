import express from "express";
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_JOBS_SCANNED } from "../src/internal/ownership/listOwnedJobs.js";
import { raw } from "./support/http.js";
import type { TOKENS } from "./support/startProxyApp.js";
import { useProxyOverMock } from "./support/useProxyOverMock.js";

type User = keyof typeof TOKENS;
const LINES = `${JSON.stringify({ custom_id: "0", body: { messages: [{ role: "user", content: "hi" }] } })}\n`;

describe.each([
  ["an upstream that honours metadata filters", false],
  ["an upstream that ignores metadata filters", true],
])("over %s", (_, ignoreMetadataFilters) => {
  const suite = useProxyOverMock(express, {}, { ignoreMetadataFilters });
  /** The job lists the mock received in this test, as query strings, recorded off its HTTP server. */
  const received: URLSearchParams[] = [];
  beforeAll(() => {
    suite.mock.server.on("request", (req: { url?: string; method?: string }) => {
      const url = new URL(req.url ?? "/", "http://mock");
      if (url.pathname === "/v1/batch/jobs" && req.method === "GET") received.push(url.searchParams);
    });
  });
  beforeEach(() => {
    received.length = 0;
  });
  const createJob = async (user: User, body: Record<string, unknown> = {}) => {
    const answer = await raw(suite.app.url, user, "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/chat/completions", model: "m", requests: [{ body: {} }], ...body }),
    });
    expect(answer.status).toBe(200);
    suite.simulator.clock.advance(1_000);
    return answer.json.id as string;
  };
  const list = async (user: User, query: string) => {
    const answer = await raw(suite.app.url, user, "GET", `/v1/batch/jobs?${query}`);
    expect(answer.status).toBe(200);
    return { ids: (answer.json.data as { id: string }[]).map((job) => job.id), total: answer.json.total };
  };

  it("lists each user only their jobs, paged, with their total", async () => {
    // Newest first: b2 a3 a2 b1 a1, so each user's first page follows or holds the other's newest job.
    const a1 = await createJob("alice");
    const b1 = await createJob("bob");
    const a2 = await createJob("alice");
    const a3 = await createJob("alice");
    const b2 = await createJob("bob");
    expect(await list("alice", "page=0&page_size=2")).toEqual({ ids: [a3, a2], total: 3 });
    expect(await list("alice", "page=1&page_size=2")).toEqual({ ids: [a1], total: 3 });
    expect(await list("bob", "page=0&page_size=2")).toEqual({ ids: [b2, b1], total: 2 });
    expect(await list("bob", "page=1&page_size=2")).toEqual({ ids: [], total: 2 });
    expect(await list("bob", "page=0&page_size=1&order_by=created")).toEqual({ ids: [b1], total: 2 });
  });

  it("pages any interleaving of two users' jobs as if each were alone", async () => {
    const owners = fc.array(fc.constantFrom<User>("alice", "bob"), { maxLength: 12 });
    const paging = fc.record({ page: fc.nat(4), pageSize: fc.integer({ min: 1, max: 5 }) });
    await fc.assert(
      fc.asyncProperty(owners, paging, async (creators, { page, pageSize }) => {
        suite.simulator.reset();
        const ids = creators.map(
          (owner) =>
            suite.simulator.createJob({
              endpoint: "/v1/moderations",
              model: "m",
              requests: [{ body: {} }],
              metadata: { owner },
            }).id,
        );
        for (const user of ["alice", "bob"] as const) {
          const theirs = ids.filter((_, index) => creators[index] === user).reverse();
          expect(await list(user, `page=${page}&page_size=${pageSize}`)).toEqual({
            ids: theirs.slice(page * pageSize, (page + 1) * pageSize),
            total: theirs.length,
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("applies the caller's own metadata filter with theirs, whatever the upstream does", async () => {
    const tagged = await createJob("alice", { metadata: { team: "t" } });
    await createJob("alice", { metadata: { team: "u" } });
    await createJob("bob", { metadata: { team: "t" } });
    expect(await list("alice", "team=t")).toEqual({ ids: [tagged], total: 1 });
    expect(await list("alice", 'metadata={"team":"t"}')).toEqual({ ids: [tagged], total: 1 });
  });

  it("sends the owner filter upstream exploded, as the official SDKs do", async () => {
    await list("alice", 'page_size=2&metadata={"team":"t"}');
    expect(received.length).toBeGreaterThan(0);
    for (const query of received) {
      expect(query.get("owner")).not.toBeNull();
      expect(query.get("metadata")).toBeNull();
    }
    expect([...received[0]!]).toEqual([
      ["page_size", "2"],
      ["page", "0"],
      ["team", "t"],
      ["owner", "alice"],
    ]);
  });

  it.each([
    ['metadata={"page":"3"}', "page"],
    ["metadata[status]=x", "status"],
    ['metadata={"created_by_me":"true"}', "created_by_me"],
  ])("answers 400 to a metadata key named like a list parameter (%s)", async (query, key) => {
    const answer = await raw(suite.app.url, "alice", "GET", `/v1/batch/jobs?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json.message).toContain(`"${key}"`);
  });

  it("never lets bob read alice's files, uploaded or made by her jobs", async () => {
    const form = new FormData();
    form.append("purpose", "batch");
    form.append("file", new Blob([LINES]), "one.jsonl");
    const upload = (await raw(suite.app.url, "alice", "POST", "/v1/files", { body: form })).json.id as string;
    const job = await createJob("alice", { requests: undefined, input_files: [upload] });
    await createJob("bob");
    suite.simulator.clock.advance(60_000);
    const output = (await raw(suite.app.url, "alice", "GET", `/v1/batch/jobs/${job}`)).json.output_file as string;
    expect((await raw(suite.app.url, "alice", "GET", `/v1/files/${output}`)).status).toBe(200);
    received.length = 0;
    for (const file of [upload, output]) {
      expect((await raw(suite.app.url, "bob", "GET", `/v1/files/${file}`)).status).toBe(404);
      expect((await raw(suite.app.url, "bob", "GET", `/v1/files/${file}/content`)).status).toBe(404);
    }
    const borrowing = await raw(suite.app.url, "bob", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/chat/completions", model: "m", input_files: [upload] }),
    });
    expect(borrowing.status).toBe(404);
    expect((await list("bob", "")).total).toBe(1);
    // The job search behind those answers asked for bob's jobs, in the exploded form.
    expect(received.length).toBeGreaterThan(0);
    for (const query of received) expect([query.get("owner"), query.get("metadata")]).toEqual(["bob", null]);
  });
});

describe("over an upstream that ignores metadata filters and holds more jobs than the proxy scans", () => {
  const suite = useProxyOverMock(express, {}, { ignoreMetadataFilters: true });

  it("answers 502, naming the bound, rather than a partial list", async () => {
    for (let index = 0; index <= MAX_JOBS_SCANNED; index++) {
      const owner = index === 0 ? "alice" : "bob";
      suite.simulator.createJob({
        endpoint: "/v1/moderations",
        model: "m",
        requests: [{ body: {} }],
        metadata: { owner },
      });
    }
    const answer = await raw(suite.app.url, "alice", "GET", "/v1/batch/jobs?page_size=1");
    expect(answer.status).toBe(502);
    expect(answer.json.message).toContain(String(MAX_JOBS_SCANNED));
  });
});
