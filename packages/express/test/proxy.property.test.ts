import { createBatchSimulator } from "@mistral-batch/msw";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import express from "express";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { deriveTagSecret, fileTag } from "../src/internal/fileTag.js";
import { raw } from "./support/http.js";
import { type ProxyApp, SERVER_KEY, startProxyApp } from "./support/startProxyApp.js";

const ALICE_TAG = fileTag(deriveTagSecret(SERVER_KEY), "alice");
const simulator = createBatchSimulator({ clock: "manual", apiKey: SERVER_KEY });
let mock: MockServer;
let app: ProxyApp;
const alice = { jobs: [] as string[], files: [] as string[] };

beforeAll(async () => {
  mock = await startMockServer({ simulator });
  app = await startProxyApp(express, mock.url, {
    hostJsonParser: true,
    limits: { jsonBody: 64 * 1024, upload: 64 * 1024 },
  });
  for (const name of ["a.jsonl", "b.jsonl"]) {
    const form = new FormData();
    form.append("purpose", "batch");
    form.append("file", new Blob(['{"custom_id":"0","body":{}}\n']), name);
    alice.files.push((await raw(app.url, "alice", "POST", "/v1/files", { body: form })).json.id as string);
  }
  for (const input of [alice.files[0], null]) {
    const body = input ? { input_files: [input] } : { requests: [{ body: { input: "x" } }] };
    const created = await raw(app.url, "alice", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/moderations", model: "m", ...body }),
    });
    alice.jobs.push(created.json.id as string);
  }
  simulator.clock.advance(60_000);
  const output = simulator.getJob(alice.jobs[0]!).output_file;
  if (output) alice.files.push(output);
  expect(alice.jobs).toHaveLength(2);
  expect(alice.files).toHaveLength(3);
});

afterAll(async () => {
  await app.close();
  await mock.close();
});

const uuid = fc.uuid();
const id = fc.oneof(
  fc
    .constantFrom(...[0, 1].map((i) => () => alice.jobs[i]!), ...[0, 1, 2].map((i) => () => alice.files[i]!))
    .map((f) => f()),
  uuid,
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom("", "..", "%2e%2e", "%00", "%ZZ", "null", "__proto__"),
);
const path = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom("/v1/batch/jobs/", "/v1/files/"),
        id,
        fc.constantFrom("", "/cancel", "/content", "/", "/x"),
      )
      .map((p) => p.join("")),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("/v1/batch/jobs", "/v1/files", "/v1/batch/jobs/", "/", "/v1", "//v1/batch/jobs"),
  },
  { weight: 1, arbitrary: fc.webPath() },
);
const query = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "page",
          "page_size",
          "metadata",
          "inline",
          "status",
          "order_by",
          "owner",
          "created_after",
          "created_by_me",
          "metadata[owner]",
          "__proto__",
        ),
        fc.string({ maxLength: 8 }),
      ),
      fc.oneof(
        fc.constantFrom("alice", "true", "0", "-1", "1001", '{"owner":"alice"}', "QUEUED", "[]", ""),
        fc.string({ maxLength: 20 }),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ""));
const createBody = fc.record(
  {
    endpoint: fc.oneof(fc.constant("/v1/moderations"), fc.string({ maxLength: 10 }), fc.integer()),
    input_files: fc.oneof(
      fc.constant(null),
      fc.array(
        fc.oneof(
          uuid,
          fc.constantFrom(() => alice.files[0]!).map((f) => f()),
        ),
        { maxLength: 2 },
      ),
    ),
    requests: fc.oneof(
      fc.constant(null),
      fc.array(fc.record({ custom_id: fc.string({ maxLength: 4 }), body: fc.object({ maxDepth: 1 }) }), {
        maxLength: 3,
      }),
    ),
    model: fc.oneof(fc.constant("m"), fc.anything({ maxDepth: 0 })),
    metadata: fc.oneof(
      fc.constant({ owner: "alice" }),
      fc.dictionary(fc.string({ maxLength: 34 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
    ),
    timeout_hours: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()),
  },
  { requiredKeys: [] },
);
const multipart = fc
  .tuple(
    fc.constantFrom("file", "purpose", "x"),
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 200 }),
    fc.boolean(),
  )
  .map(([name, filename, content, closed]) => {
    const body = `--zz\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n\r\n${content}\r\n${closed ? "--zz--\r\n" : ""}`;
    return { type: "multipart/form-data; boundary=zz", body };
  });
const body = fc.oneof(
  fc.constant(undefined),
  createBody.map((value) => ({ type: "application/json", body: JSON.stringify(value) })),
  fc
    .tuple(
      fc.constantFrom("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded"),
      fc.string({ maxLength: 100 }),
    )
    .map(([type, text]) => ({ type, body: text })),
  fc.constant({
    type: "application/json",
    body: JSON.stringify({ endpoint: "/v1/ocr", requests: [{ body: { x: "y".repeat(70_000) } }] }),
  }),
  multipart,
);
const headers = fc.record(
  {
    authorization: fc.constantFrom(
      "Bearer token-bob",
      "Bearer token-bob",
      "Bearer token-alice2",
      "Basic Ym9iOg==",
      "Bearer ",
    ),
    cookie: fc.constantFrom("session=alice", "a=b"),
    "x-forwarded-for": fc.ipV4(),
    connection: fc.constantFrom("keep-alive", "close"),
    accept: fc.constantFrom("text/html", "*/*", "application/json"),
  },
  { requiredKeys: [] },
);
const method = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("GET", "POST", "DELETE") },
  { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "OPTIONS", "HEAD") },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,7}$/).filter((m) => !["CONNECT", "TRACE", "TRACK"].includes(m)) },
);

type Attempt = [string, string, string, Record<string, string>, { type: string; body: string | FormData } | undefined];

const aliceId = fc
  .constantFrom(...[0, 1].map((i) => () => alice.jobs[i]!), ...[0, 1, 2].map((i) => () => alice.files[i]!))
  .map((f) => f());
const bob = { authorization: "Bearer token-bob" };
const json = (value: unknown) => ({ type: "application/json", body: JSON.stringify(value) });
/** Well-formed requests from bob, so that many reach the upstream and succeed where they may. */
const wellFormed: fc.Arbitrary<Attempt> = fc.oneof(
  fc
    .tuple(fc.constantFrom("GET", "DELETE"), aliceId, fc.constantFrom("/v1/batch/jobs/", "/v1/files/"))
    .map(([verb, target, prefix]): Attempt => [verb, `${prefix}${target}`, "", bob, undefined]),
  aliceId.map((target): Attempt => ["GET", `/v1/files/${target}/content`, "", bob, undefined]),
  aliceId.map((target): Attempt => ["POST", `/v1/batch/jobs/${target}/cancel`, "", bob, undefined]),
  fc
    .constantFrom(
      "",
      "?inline=true",
      '?metadata={"owner":"alice"}',
      "?owner=alice",
      "?metadata[owner]=alice&page_size=1000",
    )
    .map((search): Attempt => ["GET", "/v1/batch/jobs", search, bob, undefined]),
  fc.tuple(fc.constant(null), aliceId).map(
    (): Attempt => [
      "POST",
      "/v1/batch/jobs",
      "",
      bob,
      json({
        endpoint: "/v1/moderations",
        model: "m",
        requests: [{ body: { input: "b" } }],
        metadata: { owner: "alice" },
      }),
    ],
  ),
  aliceId.map(
    (file): Attempt => [
      "POST",
      "/v1/batch/jobs",
      "",
      bob,
      json({ endpoint: "/v1/moderations", model: "m", input_files: [file] }),
    ],
  ),
  fc.string({ maxLength: 30 }).map((name): Attempt => {
    const form = new FormData();
    form.append("purpose", "batch");
    // A name that starts with alice's tag must not make the file hers.
    form.append("file", new Blob(["{}\n"]), `${ALICE_TAG}.${name}`);
    return ["POST", "/v1/files", "", bob, { type: "", body: form }];
  }),
);
const randomAttempt: fc.Arbitrary<Attempt> = fc.tuple(method, path, query, headers, body);

it("never answers 5XX, never leaks the key, never lets bob reach alice's jobs or files", async () => {
  const aliceIds = () => [...alice.jobs, ...alice.files];
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.oneof(randomAttempt, wellFormed), async ([verb, where, search, extra, payload]) => {
      const init = {
        headers: { ...extra, ...(payload?.type ? { "content-type": payload.type } : {}) },
        body: verb === "GET" || verb === "HEAD" ? undefined : payload?.body,
      };
      const answer = await raw(app.url, null, verb, `${where}${search}`, init);
      expect(answer.status, `${verb} ${where}${search}`).toBeLessThan(500);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status < 300) {
        for (const secret of aliceIds()) expect(answer.text, `${verb} ${where}${search}`).not.toContain(secret);
      }
    }),
    { numRuns: 3000 },
  );
  // The run reached the upstream and succeeded often, so the checks above were exercised.
  expect(statuses.get(200)).toBeGreaterThan(100);
  expect(statuses.get(404)).toBeGreaterThan(100);
  // bob's thousands of tries left alice's jobs and files as they were.
  for (const job of alice.jobs) expect(["SUCCESS"]).toContain(simulator.getJob(job).status);
  for (const file of alice.files) expect(simulator.getFile(file).deleted).toBe(false);
  expect((await raw(app.url, "alice", "GET", "/v1/batch/jobs")).json.total).toBe(2);
}, 300_000);
