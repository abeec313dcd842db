import { MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type ScriptedUpstream, sendJson, startScriptedUpstream } from "../../../test/support/startScriptedUpstream.js";
import { createFileTagger } from "../../internal/ownership/fileTag.js";
import type { ProxyRequestEvent } from "../../types.js";
import { createProxyHandler } from "./createProxyHandler.js";

const KEY = "sk-core-test-0123456789abcdef";
const JOB = "0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
const FILE = "6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4";

let upstream: ScriptedUpstream;
let events: ProxyRequestEvent[];

beforeAll(async () => {
  upstream = await startScriptedUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.received.length = 0;
  events = [];
});

type Caller = { userId: unknown } | null | "throw";

function proxy(
  extra: { timeoutMs?: number; limits?: { jsonBody?: number; upload?: number }; serverURL?: string } = {},
) {
  return createProxyHandler<Caller>({
    apiKey: KEY,
    serverURL: extra.serverURL ?? `${upstream.url}/prefix`,
    authorize: (caller) => {
      if (caller === "throw") throw new Error(`no session for ${KEY}`);
      return caller as { userId: string } | null;
    },
    limits: extra.limits,
    timeoutMs: extra.timeoutMs,
    onRequest: (event) => events.push(event),
  });
}

function request(
  method: string,
  url: string,
  init: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
) {
  const body = typeof init.body === "string" ? new TextEncoder().encode(init.body) : init.body;
  return {
    method,
    url,
    headers: new Headers(init.headers),
    body: () =>
      body
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              // Two chunks, so limits are crossed mid-stream rather than on a declared length.
              controller.enqueue(body.subarray(0, body.length >> 1));
              controller.enqueue(body.subarray(body.length >> 1));
              controller.close();
            },
          })
        : null,
  };
}

async function call(
  caller: Caller,
  method: string,
  url: string,
  init?: Parameters<typeof request>[2],
  handler = proxy(),
) {
  const response = await handler(request(method, url, init), caller);
  const text = await response.text();
  expect(text).not.toContain(KEY);
  for (const [, value] of response.headers) expect(value).not.toContain(KEY);
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

const alice = { userId: "alice" };
const job = (owner: string, id = JOB) => ({
  id,
  object: "batch",
  input_files: [],
  metadata: { owner },
  endpoint: "/v1/ocr",
  errors: [],
  status: "QUEUED",
  created_at: 1,
  total_requests: 0,
  completed_requests: 0,
  succeeded_requests: 0,
  failed_requests: 0,
});

describe("before the upstream", () => {
  it.each(["page", "status", "metadata[owner]"])(
    "refuses an ownerMetadataKey the owner filter cannot carry: %s",
    (key) => {
      expect(() => createProxyHandler({ apiKey: KEY, authorize: () => alice, ownerMetadataKey: key })).toThrow(
        /`ownerMetadataKey` cannot be a list parameter name/,
      );
    },
  );

  it.each([
    ["GET", "/v1/models", 404, undefined],
    ["PUT", "/v1/batch/jobs", 405, "GET, POST"],
    ["PUT", "/v1/files", 405, "POST, GET"],
    ["POST", "/v1/files/f/url", 405, "GET"],
  ])("%s %s answers %i", async (method, url, status, allow) => {
    const response = await call(alice, method, url);
    expect(response.status).toBe(status);
    expect(response.headers.get("allow") ?? undefined).toBe(allow);
    expect(response.json.object).toBe("error");
    expect(upstream.received).toHaveLength(0);
  });

  it.each<[string, Caller]>([
    ["null", null],
    ["a throw", "throw"],
    ["an empty id", { userId: "" }],
    ["a number", { userId: 7 }],
    ["a 513-character id", { userId: "u".repeat(513) }],
    ["an id with a lone high surrogate", { userId: "mallory\uD800" }],
    ["an id with a lone low surrogate", { userId: "\uDFFFmallory" }],
  ])("answers 401 when authorize gives %s", async (_, caller) => {
    const response = await call(caller, "GET", "/v1/batch/jobs");
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ object: "error", message: "Unauthorized" });
    expect(upstream.received).toHaveLength(0);
  });

  it.each([
    ["GET", "/v1/batch/jobs/not-a-uuid", "path.job_id"],
    ["DELETE", "/v1/batch/jobs/123", "path.job_id"],
    ["POST", `/v1/batch/jobs/${JOB}x/cancel`, "path.job_id"],
    ["GET", "/v1/files/..%2F..%2Fetc", "path.file_id"],
    ["DELETE", "/v1/files/x", "path.file_id"],
    ["GET", "/v1/files/x/content", "path.file_id"],
    ["GET", `/v1/batch/jobs/${JOB}?inline=maybe`, "query.inline"],
    ["GET", "/v1/batch/jobs?page_size=0", "query.page_size"],
  ])("answers 400 for %s %s", async (method, url, field) => {
    const response = await call(alice, method, url);
    expect(response.status).toBe(400);
    expect(response.json.detail.map((issue: { loc: string[] }) => issue.loc.join("."))).toEqual([field]);
    expect(upstream.received).toHaveLength(0);
  });

  it("validates a create body and lists every failing field", async () => {
    const response = await call(alice, "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: 5, requests: [{ nobody: 1 }], timeout_hours: -1 }),
    });
    expect(response.status).toBe(400);
    expect(response.json.detail.map((issue: { loc: string[] }) => issue.loc.join("."))).toEqual([
      "body.endpoint",
      "body.requests.0.body",
      "body.timeout_hours",
    ]);
    expect(upstream.received).toHaveLength(0);
  });

  it.each([
    ["text/plain", '{"endpoint":"/v1/ocr"}', 415],
    ["application/json", "{not json", 400],
    ["application/json", "\xff\xfe", 400],
    ["application/json", JSON.stringify({ endpoint: "/v1/ocr", requests: [{ body: { x: "y".repeat(2000) } }] }), 413],
  ])("answers a create with %s body %#", async (type, body, status) => {
    const response = await call(
      alice,
      "POST",
      "/v1/batch/jobs",
      { headers: { "content-type": type }, body },
      proxy({ limits: { jsonBody: 1000 } }),
    );
    expect(response.status).toBe(status);
    expect(upstream.received).toHaveLength(0);
  });

  it("answers 413 on a declared Content-Length over the limit without reading", async () => {
    const response = await call(
      alice,
      "POST",
      "/v1/files",
      {
        headers: { "content-type": "multipart/form-data; boundary=b", "content-length": "2000" },
      },
      proxy({ limits: { upload: 1000 } }),
    );
    expect(response.status).toBe(413);
    expect(upstream.received).toHaveLength(0);
  });

  it.each([
    ["application/json", 415],
    ["multipart/form-data", 400],
    ["multipart/form-data; boundary=", 400],
  ])("answers an upload sent as %s with %i", async (type, status) => {
    const response = await call(alice, "POST", "/v1/files", { headers: { "content-type": type }, body: "x" });
    expect(response.status).toBe(status);
    expect(upstream.received).toHaveLength(0);
  });
});

describe("towards the upstream", () => {
  it("sends only the server key and safe headers, and stamps the owner over the caller's", async () => {
    upstream.answer((_, res) => sendJson(res, 200, job("alice")));
    const response = await call(alice, "POST", "/v1/batch/jobs", {
      headers: {
        "content-type": "application/json",
        authorization: "Bearer user-token",
        cookie: "session=abc",
        connection: "keep-alive, x-secret",
        "x-secret": "1",
        "x-forwarded-for": "10.0.0.1",
      },
      body: JSON.stringify({
        endpoint: "/v1/ocr",
        requests: [{ body: {} }],
        metadata: { owner: "bob", team: "t" },
        extra: 1,
      }),
    });
    expect(response.status).toBe(200);
    const [sent] = upstream.received;
    expect(sent?.url).toBe("/prefix/v1/batch/jobs");
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(Object.keys(sent?.headers ?? {}).sort()).toEqual(
      ["accept", "authorization", "connection", "content-length", "content-type", "host"].sort(),
    );
    expect(sent?.headers.cookie).toBeUndefined();
    expect(sent?.headers.connection).toBe("keep-alive");
    expect(JSON.parse(sent?.body.toString() ?? "")).toEqual({
      endpoint: "/v1/ocr",
      requests: [{ body: {} }],
      metadata: { owner: "alice", team: "t" },
    });
    expect(events).toEqual([
      expect.objectContaining({ operation: "batch.jobs.create", userId: "alice", status: 200, path: "/v1/batch/jobs" }),
    ]);
  });

  it("answers 404 for another user's job with the body of a missing one", async () => {
    upstream.answer((_, res) => sendJson(res, 200, job("bob")));
    const foreign = await call(alice, "GET", `/v1/batch/jobs/${JOB}?inline=true`);
    upstream.answer((_, res) => sendJson(res, 404, { detail: "No batch job found", trace: KEY }));
    const missing = await call(alice, "GET", `/v1/batch/jobs/${JOB}`);
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    expect([...foreign.headers]).toEqual([...missing.headers]);
  });

  it("asks for inline results only after reading the job as the caller's", async () => {
    upstream.answer((req, res) =>
      req.url.includes("inline=true")
        ? sendJson(res, 400, { object: "error", message: "Too many", type: "x", code: "too_many_inline_results" })
        : sendJson(res, 200, job("bob")),
    );
    const foreign = await call(alice, "GET", `/v1/batch/jobs/${JOB}?inline=true`);
    expect(foreign.status).toBe(404);
    expect(upstream.received.map((r) => r.url)).toEqual([`/prefix/v1/batch/jobs/${JOB}`]);
    upstream.received.length = 0;
    const own = await call({ userId: "bob" }, "GET", `/v1/batch/jobs/${JOB}?inline=true`);
    expect(own.json.code).toBe("too_many_inline_results");
    expect(upstream.received.map((r) => r.url)).toEqual([
      `/prefix/v1/batch/jobs/${JOB}`,
      `/prefix/v1/batch/jobs/${JOB}?inline=true`,
    ]);
  });

  it.each([
    ["POST", `/v1/batch/jobs/${JOB}/cancel`],
    ["DELETE", `/v1/batch/jobs/${JOB}`],
  ])("never sends %s of another user's job upstream", async (method, url) => {
    upstream.answer((_, res) => sendJson(res, 200, job("bob")));
    const response = await call(alice, method, url);
    expect(response.status).toBe(404);
    expect(upstream.received.map((r) => r.method)).toEqual(["GET"]);
  });

  it("sends the owner filter upstream exploded and drops other users' jobs from the page", async () => {
    const teamJob = (owner: string) => ({ ...job(owner), metadata: { owner, team: "t" } });
    upstream.answer((_, res) =>
      sendJson(res, 200, { data: [teamJob("alice"), teamJob("bob"), job("alice"), { id: "x" }], total: 4 }),
    );
    const response = await call(alice, "GET", '/v1/batch/jobs?page=0&page_size=2&metadata={"team":"t","owner":"bob"}');
    const sent = new URL(upstream.received[0]?.url ?? "", "http://x");
    expect([...sent.searchParams]).toEqual([
      ["page", "0"],
      ["page_size", "2"],
      ["team", "t"],
      ["owner", "alice"],
    ]);
    expect(response.json.data.map((j: { metadata: { owner: string } }) => j.metadata.owner)).toEqual(["alice"]);
    // The upstream ignored the filter: the proxy read the whole list and counted the caller's jobs.
    expect(response.json.total).toBe(1);
  });

  it("passes the upstream total when the page is all the caller's and the upstream filters", async () => {
    upstream.answer((request, res) => {
      const probed = new URL(request.url, "http://x").searchParams.get("owner") !== "alice";
      sendJson(res, 200, probed ? { data: [], object: "list", total: 0 } : { data: [job("alice")], total: 41 });
    });
    expect((await call(alice, "GET", "/v1/batch/jobs")).json.total).toBe(41);
  });

  it("passes an upstream 4XX through with a sanitized body, redacted", async () => {
    upstream.answer((_, res) =>
      sendJson(
        res,
        429,
        { object: "error", message: `slow down, ${KEY}`, type: "rate_limited", secret: "x" },
        { "retry-after": "3", "x-internal": "y" },
      ),
    );
    const response = await call(alice, "GET", "/v1/batch/jobs");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(response.headers.get("x-internal")).toBeNull();
    expect(response.json).toEqual({
      object: "error",
      message: "slow down, [redacted]",
      type: "rate_limited",
      param: null,
      code: null,
    });
  });

  it.each([
    ["the key", KEY],
    ["any text but seconds or a date", "soon; see https://example.test"],
  ])("does not pass on a Retry-After that holds %s", async (_, retryAfter) => {
    upstream.answer((_, res) => sendJson(res, 429, { message: "slow down" }, { "retry-after": retryAfter }));
    const response = await call(alice, "GET", "/v1/batch/jobs");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it("passes on a Retry-After given as a date", async () => {
    const date = "Wed, 21 Oct 2026 07:28:00 GMT";
    upstream.answer((_, res) => sendJson(res, 429, { message: "slow down" }, { "retry-after": date }));
    expect((await call(alice, "GET", "/v1/batch/jobs")).headers.get("retry-after")).toBe(date);
  });

  it.each([
    ["the key, as JSON writes it", KEY, `report-${KEY}.jsonl`, "report-[redacted].jsonl"],
    [
      "the key, which encoding would escape",
      'sk-"quoted"\\key',
      'report-sk-"quoted"\\key.jsonl',
      "report-[redacted].jsonl",
    ],
    ["a lone surrogate", KEY, "report-\uD800.jsonl", "report-\uFFFD.jsonl"],
  ])("names a download without %s", async (_, apiKey, name, shown) => {
    const stored = `${await createFileTagger(apiKey)("alice")}.${name}`;
    upstream.answer((req, res) =>
      req.url.endsWith("/content")
        ? res.writeHead(200, { "content-type": "application/octet-stream" }).end("{}\n")
        : sendJson(res, 200, { id: FILE, object: "file", filename: stored }),
    );
    const handler = createProxyHandler({ apiKey, serverURL: upstream.url, authorize: () => alice });
    const response = await handler(request("GET", `/v1/files/${FILE}/content`), alice);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("{}\n");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(shown)}`);
    expect(disposition).not.toContain(apiKey);
    expect(disposition).not.toContain(encodeURIComponent(apiKey));
  });

  it.each([
    ["a key JSON writes as it is", KEY],
    ["a key JSON escapes", 'sk-"quoted"\\key'],
  ])("redacts %s from a job that echoes it, in values and in keys", async (_, apiKey) => {
    upstream.answer((_, res) =>
      sendJson(res, 200, { ...job("alice"), metadata: { owner: "alice", note: `made with ${apiKey}` }, [apiKey]: 1 }),
    );
    const handler = createProxyHandler({ apiKey, serverURL: upstream.url, authorize: () => alice });
    const response = await handler(request("GET", `/v1/batch/jobs/${JOB}`), alice);
    const answered = await response.json();
    expect(response.status).toBe(200);
    expect(answered.metadata).toEqual({ owner: "alice", note: "made with [redacted]" });
    expect(answered["[redacted]"]).toBe(1);
    expect(JSON.stringify(answered)).not.toContain(JSON.stringify(apiKey).slice(1, -1));
  });

  it.each([
    ["a 500", (res: import("node:http").ServerResponse) => sendJson(res, 500, { message: KEY })],
    [
      "an HTML 503",
      (res: import("node:http").ServerResponse) =>
        res.writeHead(503, { "content-type": "text/html" }).end("<h1>down</h1>"),
    ],
    [
      "a redirect",
      (res: import("node:http").ServerResponse) => res.writeHead(302, { location: "http://127.0.0.1:9/steal" }).end(),
    ],
    [
      "invalid JSON",
      (res: import("node:http").ServerResponse) => res.writeHead(200, { "content-type": "application/json" }).end("{"),
    ],
    [
      "a job of the caller's nested 5,000 deep",
      (res: import("node:http").ServerResponse) =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(`{"id":"${JOB}","metadata":{"owner":"alice"},"outputs":${"[".repeat(5000)}${"]".repeat(5000)}}`),
    ],
    ["a reset", (res: import("node:http").ServerResponse) => res.socket?.destroy()],
    [
      "an answer cut short",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"id":', () => res.socket?.destroy());
      },
    ],
  ])("answers 502 JSON for %s", async (_, answer) => {
    upstream.answer((__, res) => answer(res));
    const response = await call(alice, "GET", `/v1/batch/jobs/${JOB}`);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.json.object).toBe("error");
  });

  it("passes on, redacted, a job of the caller's nested as deep as the proxy reads", async () => {
    const outputs = `${"[".repeat(MAX_JSON_DEPTH - 1)}"${KEY}"${"]".repeat(MAX_JSON_DEPTH - 1)}`;
    upstream.answer((_, res) =>
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(`{"id":"${JOB}","metadata":{"owner":"alice"},"outputs":${outputs}}`),
    );
    const response = await call(alice, "GET", `/v1/batch/jobs/${JOB}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('[["[redacted]"]]');
  });

  it("answers 502 when the upstream cannot be reached", async () => {
    const response = await call(alice, "GET", "/v1/batch/jobs", {}, proxy({ serverURL: "http://127.0.0.1:9" }));
    expect(response.status).toBe(502);
  });

  it("answers 504 when the upstream is too slow", async () => {
    upstream.answer(() => {});
    const response = await call(alice, "GET", "/v1/batch/jobs", {}, proxy({ timeoutMs: 200 }));
    expect(response.status).toBe(504);
    expect(response.json.type).toBe("upstream_timeout");
  });

  it("answers 499 and drops the upstream call when the caller's signal aborts", async () => {
    const upstreamClosed = new Promise<void>((resolve) => upstream.answer((_, res) => res.on("close", resolve)));
    const caller = new AbortController();
    const answered = proxy({ timeoutMs: 60_000 })(
      { ...request("GET", `/v1/batch/jobs/${JOB}`), signal: caller.signal },
      alice,
    );
    await vi.waitFor(() => expect(upstream.received).toHaveLength(1));
    caller.abort();
    await upstreamClosed;
    const response = await answered;
    expect(response.status).toBe(499);
    expect((await response.json()).type).toBe("client_closed_request");
  });

  it("answers 499 at once when the caller's signal has already aborted", async () => {
    upstream.answer(() => {});
    const response = await proxy({ timeoutMs: 60_000 })(
      { ...request("GET", `/v1/batch/jobs/${JOB}`), signal: AbortSignal.abort() },
      alice,
    );
    expect(response.status).toBe(499);
  });

  it("answers 499 when a JSON body breaks off", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"endpoint":'));
        controller.error(new Error("The caller went away"));
      },
    });
    const headers = new Headers({ "content-type": "application/json" });
    const response = await proxy()({ method: "POST", url: "/v1/batch/jobs", headers, body: () => body }, alice);
    expect(response.status).toBe(499);
    expect(events).toEqual([expect.objectContaining({ operation: "batch.jobs.create", status: 499 })]);
    expect(upstream.received).toHaveLength(0);
  });

  it("stops an upload at the limit and answers 413, the upstream never getting all of it", async () => {
    upstream.answer((_, res) => sendJson(res, 200, {}));
    const body = `--b\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n\r\n${"x".repeat(5000)}\r\n--b--\r\n`;
    const response = await call(
      alice,
      "POST",
      "/v1/files",
      { headers: { "content-type": "multipart/form-data; boundary=b" }, body },
      proxy({ limits: { upload: 3000 } }),
    );
    expect(response.status).toBe(413);
    expect(upstream.received.every((r) => r.body.length < 3000)).toBe(true);
  });

  it("answers 400 for a malformed multipart body", async () => {
    upstream.answer((_, res) => sendJson(res, 200, {}));
    const body = '--b\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--b--\r\n';
    const response = await call(alice, "POST", "/v1/files", {
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body,
    });
    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/no file part/);
  });

  it("refuses another user's file, and a job built on it", async () => {
    upstream.answer((req, res) => {
      if (req.url.startsWith("/prefix/v1/files/"))
        return sendJson(res, 200, { id: FILE, object: "file", filename: "someone-else.jsonl" });
      sendJson(res, 200, { data: [], object: "list", total: 0 });
    });
    const read = await call(alice, "GET", `/v1/files/${FILE}`);
    expect(read.status).toBe(404);
    expect(read.json.message).toBe(`File ${FILE} not found.`);
    const create = await call(alice, "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/ocr", input_files: [FILE] }),
    });
    expect(create.status).toBe(404);
    expect(upstream.received.some((r) => r.method === "POST")).toBe(false);
  });
});
