import { MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import { createBatchSimulator } from "@mistral-batch/msw";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import express from "express";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileTagger } from "../src/internal/ownership/fileTag.js";
import { raw } from "./support/http.js";
import { type ProxyApp, startProxyApp, TOKENS } from "./support/startProxyApp.js";

/** A key that JSON, URLs and headers would each write differently: no form of it may reach an answer. */
const KEY = 'sk-"prop"\\key/DO-NOT-LEAK+7f3a';
const KEY_FORMS = [KEY, JSON.stringify(KEY).slice(1, -1), encodeURIComponent(KEY), Buffer.from(KEY).toString("base64")];
/** Every caller of the run but alice, by token: ids that differ only in a lone surrogate among them. */
const OTHERS = {
  [TOKENS.bob]: "bob",
  "token-replacement": "mallory\uFFFD",
  "token-astral": "mallory\uD83D\uDE00",
  "token-high": "mallory\uD800",
  "token-low": "mallory\uDFFF",
};
/** Ids that are not well-formed Unicode: their callers may never be answered 2XX. */
const ILL_FORMED_TOKENS = ["token-high", "token-low"];
/** Marks alice's metadata and file names: no answer to anyone else may hold it. */
const SECRET = "alice-secret-5c1d";
const LIMIT = 64 * 1024;
const ALICE_TAG = await createFileTagger(KEY)("alice");
describe.each([
  ["honours", false],
  ["ignores", true],
])("over an upstream that %s metadata filters", (_, ignoreMetadataFilters) => {
  const simulator = createBatchSimulator({ clock: "manual", apiKey: KEY, ignoreMetadataFilters });
  let mock: MockServer;
  let app: ProxyApp;
  const alice = { jobs: [] as string[], files: [] as string[] };

  beforeAll(async () => {
    mock = await startMockServer({ simulator });
    app = await startProxyApp(express, mock.url, {
      apiKey: KEY,
      hostJsonParser: true,
      limits: { jsonBody: LIMIT, upload: LIMIT },
      users: { [TOKENS.alice]: "alice", ...OTHERS },
    });
    for (const name of [`${SECRET}-a.jsonl`, `${SECRET}-b.jsonl`]) {
      const form = new FormData();
      form.append("purpose", "batch");
      form.append("file", new Blob(['{"custom_id":"0","body":{}}\n']), name);
      alice.files.push((await raw(app.url, "alice", "POST", "/v1/files", { body: form })).json.id as string);
    }
    for (const input of [alice.files[0], null]) {
      const body = input ? { input_files: [input] } : { requests: [{ body: { input: "x" } }] };
      const created = await raw(app.url, "alice", "POST", "/v1/batch/jobs", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          endpoint: "/v1/moderations",
          model: "m",
          metadata: { note: `${SECRET}\uD800` },
          ...body,
        }),
      });
      alice.jobs.push(created.json.id as string);
    }
    // Made in the mock directly: a name no multipart upload can carry, and more results than inline allows.
    const lines = Array.from({ length: 10_001 }, (_, i) => `{"custom_id":"${i}","body":{"input":"x"}}\n`).join("");
    const big = simulator.uploadFile({
      filename: `${ALICE_TAG}.${SECRET}-\uDFFF.jsonl`,
      content: lines,
      purpose: "batch",
    });
    alice.files.push(big.id);
    const bigJob = simulator.createJob({
      endpoint: "/v1/moderations",
      model: "m",
      input_files: [big.id],
      metadata: { owner: "alice", note: `${SECRET}-\uDBFF` },
    });
    alice.jobs.push(bigJob.id);
    // A name that holds the key, as a hostile upstream could answer: alice's own downloads must not show it.
    const keyed = simulator.uploadFile({
      filename: `${ALICE_TAG}.${SECRET}-${KEY}.jsonl`,
      content: lines.slice(0, 40),
    });
    alice.files.push(keyed.id);
    simulator.clock.advance(60_000);
    for (const job of [alice.jobs[0]!, bigJob.id]) alice.files.push(simulator.getJob(job).output_file!);
    expect(alice.jobs).toHaveLength(3);
    expect(alice.files).toHaveLength(6);
    const own = await raw(app.url, "alice", "GET", `/v1/batch/jobs/${bigJob.id}?inline=true`);
    expect(own.json.code).toBe("too_many_inline_results");
  });

  afterAll(async () => {
    await app.close();
    await mock.close();
  });

  const aliceIds = () => [...alice.jobs, ...alice.files];
  /** One of alice's job or file ids, picked when the run starts (they exist by then). */
  const aliceId = fc.nat(99).map((i) => aliceIds()[i % aliceIds().length]!);
  const uuid = fc.uuid();
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
  /** Text at Unicode's edges: lone surrogates, U+FFFD, astral characters, controls, quotes and backslashes. */
  const edgy = (maxLength: number) =>
    fc.string({
      maxLength,
      unit: fc.oneof(
        loneSurrogate,
        fc.constantFrom("\uFFFD", "\uD83D\uDE00", "\u0000", '"', "\\", "\u2028", "\u00e9", "%"),
        fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      ),
    });
  /** A string's bytes as UTF-8, but each lone surrogate as its three CESU-8 bytes, which are not valid UTF-8. */
  const looseUtf8 = (text: string): Buffer =>
    Buffer.concat(
      [...text].map((char) => {
        const code = char.charCodeAt(0);
        if (char.length > 1 || code < 0xd800 || code > 0xdfff) return Buffer.from(char, "utf8");
        return Buffer.from([0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]);
      }),
    );
  /** Percent-escapes `looseUtf8(text)`, so that lone surrogates reach the proxy as they are. */
  const percentEncode = (text: string) =>
    [...looseUtf8(text)]
      .map((byte) =>
        /[\w.~-]/.test(String.fromCharCode(byte))
          ? String.fromCharCode(byte)
          : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
      )
      .join("");
  const id = fc.oneof(
    aliceId,
    uuid,
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    edgy(40).map(percentEncode),
    fc
      .tuple(uuid, fc.constantFrom("%ED%A0%80", "%EF%BF%BD", "%F0%9F%98%80", "%C0%AF", "%FF", "%00"))
      .map((p) => p.join("")),
    fc.constantFrom("", "..", "%2e%2e", "%00", "%ZZ", "null", "__proto__", "a".repeat(6000)),
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
          edgy(8),
        ),
        fc.oneof(
          fc.constantFrom("alice", "true", "0", "-1", "1001", '{"owner":"alice"}', "QUEUED", "[]", "", "9".repeat(400)),
          fc.string({ maxLength: 20 }),
          edgy(20),
          edgy(12).map((owner) => JSON.stringify({ owner })),
          fc.nat(MAX_JSON_DEPTH + 50).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
        ),
      ),
      { maxLength: 4 },
    )
    // URLSearchParams writes a lone surrogate as U+FFFD; edgy keys and values also go raw, percent-encoded.
    .chain((pairs) =>
      fc.boolean().map((raw) => {
        if (!pairs.length) return "";
        return raw
          ? `?${pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join("&")}`
          : `?${new URLSearchParams(pairs)}`;
      }),
    );
  const createBody = fc.record(
    {
      endpoint: fc.oneof(fc.constant("/v1/moderations"), fc.string({ maxLength: 10 }), fc.integer(), edgy(10)),
      input_files: fc.oneof(
        fc.constant(null),
        fc.array(fc.oneof(uuid, aliceId), { maxLength: 2 }),
        fc.array(uuid, { minLength: 30, maxLength: 40 }),
      ),
      requests: fc.oneof(
        fc.constant(null),
        fc.array(
          fc.record({
            custom_id: fc.oneof(fc.string({ maxLength: 4 }), edgy(4)),
            body: fc.oneof(fc.object({ maxDepth: 1 }), fc.dictionary(edgy(6), edgy(12), { maxKeys: 3 })),
          }),
          { maxLength: 3 },
        ),
      ),
      model: fc.oneof(fc.constant("m"), fc.anything({ maxDepth: 0 }), edgy(8)),
      metadata: fc.oneof(
        fc.constant({ owner: "alice" }),
        fc.dictionary(fc.string({ maxLength: 34 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), {
          maxKeys: 3,
        }),
        fc.dictionary(
          edgy(33),
          fc.oneof(
            edgy(20),
            edgy(1).map((c) => c.repeat(512)),
            fc.constant("v".repeat(513)),
          ),
          {
            maxKeys: 3,
          },
        ),
        edgy(12).map((owner) => ({ owner })),
      ),
      timeout_hours: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()),
    },
    { requiredKeys: [] },
  );
  /** A create body `length` characters long, padded inside its one request's input. */
  const createOfLength = (length: number) => {
    const empty = JSON.stringify({ endpoint: "/v1/moderations", model: "m", requests: [{ body: { input: "" } }] });
    return JSON.stringify({
      endpoint: "/v1/moderations",
      model: "m",
      requests: [{ body: { input: "y".repeat(length - empty.length) } }],
    });
  };
  const nested = (depth: number, inner = "") => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
  /** JSON at the edges of depth and size: around the proxy's depth bound, past the stack, around the byte limit. */
  const extremeJson = fc.oneof(
    fc
      .constantFrom(MAX_JSON_DEPTH - 4, MAX_JSON_DEPTH - 3, 5_000, 100_000)
      .map((depth) => `{"endpoint":"/v1/moderations","model":"m","requests":[{"body":{"input":${nested(depth)}}}]}`),
    fc.constantFrom(5_000, 50_000).map((depth) => nested(depth)),
    fc.constantFrom(5_000).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
    fc
      .constantFrom(5_000)
      .map(
        (depth) =>
          `{"endpoint":"/v1/moderations","model":"m","metadata":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`,
      ),
    fc.constantFrom(LIMIT, LIMIT + 1).map(createOfLength),
    fc.constant(JSON.stringify({ endpoint: "/v1/ocr", requests: [{ body: { x: "y".repeat(70_000) } }] })),
  );
  const multipart = fc
    .tuple(
      fc.constantFrom("file", "purpose", "x"),
      fc.oneof(fc.string({ maxLength: 12 }), edgy(12), fc.constant("n".repeat(1025))),
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom(LIMIT - 200, LIMIT + 10).map((n) => "c".repeat(n)),
      ),
      fc.boolean(),
      fc.constantFrom("plain", "extended", "bytes"),
    )
    .map(([name, filename, content, closed, naming]) => {
      // The filename as a quoted string, as RFC 5987 writes it, or in bytes that need not be UTF-8.
      const disposition =
        naming === "extended" ? `filename*=UTF-8''${percentEncode(filename)}` : `filename="${filename}"`;
      const text = `--zz\r\nContent-Disposition: form-data; name="${name}"; ${disposition}\r\n\r\n${content}\r\n${closed ? "--zz--\r\n" : ""}`;
      const body = naming === "bytes" ? new Uint8Array(looseUtf8(text)) : text;
      return { type: "multipart/form-data; boundary=zz", body };
    });
  const body = fc.oneof(
    fc.constant(undefined),
    createBody.map((value) => ({ type: "application/json", body: JSON.stringify(value) })),
    fc
      .tuple(
        fc.constantFrom("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded"),
        fc.oneof(fc.string({ maxLength: 100 }), edgy(100)),
      )
      .map(([type, text]) => ({ type, body: text })),
    extremeJson.map((text) => ({ type: "application/json", body: text })),
    multipart,
  );
  const authorization = fc.constantFrom(
    "Bearer token-bob",
    "Bearer token-bob",
    ...Object.keys(OTHERS).map((token) => `Bearer ${token}`),
    "Bearer token-alice2",
    "Basic Ym9iOg==",
    "Bearer ",
  );
  const headers = fc.record(
    {
      authorization,
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
    {
      weight: 1,
      arbitrary: fc.stringMatching(/^[A-Z]{1,7}$/).filter((m) => !["CONNECT", "TRACE", "TRACK"].includes(m)),
    },
  );

  type Payload = { type: string; body: string | Uint8Array<ArrayBuffer> | FormData };
  type Attempt = [string, string, string, Record<string, string>, Payload | undefined];

  const json = (value: unknown) => ({ type: "application/json", body: JSON.stringify(value) });
  /** Well-formed requests from someone other than alice, so that many reach the upstream and succeed where they may. */
  const wellFormed: fc.Arbitrary<Attempt> = fc
    .tuple(
      fc.constantFrom(...Object.keys(OTHERS), TOKENS.bob).map((token) => ({ authorization: `Bearer ${token}` })),
      fc.oneof(
        fc
          .tuple(fc.constantFrom("GET", "DELETE"), aliceId, fc.constantFrom("/v1/batch/jobs/", "/v1/files/"))
          .map(([verb, target, prefix]) => [verb, `${prefix}${target}`, "", undefined] as const),
        fc
          .tuple(aliceId, fc.constantFrom("", "?inline=true", "?inline=false", "?inline=true&x=%ED%A0%80"))
          .map(([target, search]) => ["GET", `/v1/batch/jobs/${target}`, search, undefined] as const),
        aliceId.map((target) => ["GET", `/v1/files/${target}/content`, "", undefined] as const),
        aliceId.map((target) => ["POST", `/v1/batch/jobs/${target}/cancel`, "", undefined] as const),
        fc
          .constantFrom(
            "",
            "?inline=true",
            '?metadata={"owner":"alice"}',
            "?owner=alice",
            "?metadata[owner]=alice&page_size=1000",
            `?metadata=${encodeURIComponent(JSON.stringify({ note: `${SECRET}\uD800` }))}`,
          )
          .map((search) => ["GET", "/v1/batch/jobs", search, undefined] as const),
        fc.constant([
          "POST",
          "/v1/batch/jobs",
          "",
          json({
            endpoint: "/v1/moderations",
            model: "m",
            requests: [{ body: { input: "b" } }],
            metadata: { owner: "alice" },
          }),
        ] as const),
        fc
          .array(aliceId, { minLength: 1, maxLength: 3 })
          .map(
            (files) =>
              [
                "POST",
                "/v1/batch/jobs",
                "",
                json({ endpoint: "/v1/moderations", model: "m", input_files: files }),
              ] as const,
          ),
        fc.oneof(fc.string({ maxLength: 30 }), edgy(30)).map((name) => {
          const form = new FormData();
          form.append("purpose", "batch");
          // A name that starts with alice's tag must not make the file hers.
          form.append("file", new Blob(["{}\n"]), `${ALICE_TAG}.${name}`);
          return ["POST", "/v1/files", "", { type: "", body: form }] as const;
        }),
      ),
    )
    .map(([caller, [verb, where, search, payload]]): Attempt => [verb, where, search, caller, payload]);
  /** alice on her own jobs and files, whose names and metadata hold lone surrogates and the key. */
  const ownRequest: fc.Arbitrary<Attempt> = fc
    .tuple(
      aliceId,
      fc.constantFrom(
        ["/v1/files/", "/content"],
        ["/v1/files/", ""],
        ["/v1/batch/jobs/", "?inline=true"],
        ["/v1/batch/jobs/", ""],
      ),
    )
    .map(([target, [prefix, suffix]]): Attempt => {
      const [where, search] = suffix.startsWith("?")
        ? [`${prefix}${target}`, suffix]
        : [`${prefix}${target}${suffix}`, ""];
      return ["GET", where, search, { authorization: `Bearer ${TOKENS.alice}` }, undefined];
    });
  const randomAttempt: fc.Arbitrary<Attempt> = fc.tuple(method, path, query, headers, body);

  it("never answers 5XX, never leaks the key, never lets anyone else reach alice's jobs or files", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(randomAttempt, wellFormed, ownRequest),
        async ([verb, where, search, extra, payload]) => {
          const init = {
            headers: { ...extra, ...(payload?.type ? { "content-type": payload.type } : {}) },
            body: verb === "GET" || verb === "HEAD" ? undefined : payload?.body,
          };
          const what = `${verb} ${where.slice(0, 200)}${search.slice(0, 200)}`;
          const answer = await raw(app.url, null, verb, `${where}${search}`, init);
          expect(answer.status, what).toBeLessThan(500);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const seen = [answer.text, ...[...answer.headers].map(([name, value]) => `${name}: ${value}`)].join("\n");
          for (const form of KEY_FORMS) expect(seen, what).not.toContain(form);
          const token = /^Bearer (.+)$/.exec(extra.authorization ?? "")?.[1] ?? "";
          if (token === TOKENS.alice) return;
          // Anyone else gets nothing of alice's, whatever the status.
          expect(seen, what).not.toContain(SECRET);
          if (answer.status < 300) {
            for (const secret of aliceIds()) expect(answer.text, what).not.toContain(secret);
            expect(ILL_FORMED_TOKENS, what).not.toContain(token);
          }
        },
      ),
      { numRuns: 3000 },
    );
    // The run reached the upstream and succeeded often, so the checks above were exercised.
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(404)).toBeGreaterThan(100);
    expect(statuses.get(401)).toBeGreaterThan(100);
    // Thousands of tries left alice's jobs and files as they were.
    for (const job of alice.jobs) expect(["SUCCESS"]).toContain(simulator.getJob(job).status);
    for (const file of alice.files) expect(simulator.getFile(file).deleted).toBe(false);
    expect((await raw(app.url, "alice", "GET", "/v1/batch/jobs")).json.total).toBe(3);
  }, 600_000);
});
