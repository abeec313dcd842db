import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ConnectionError,
  HTTPValidationError,
  InvalidRequestError,
  MistralBatch,
  ResponseValidationError,
  SDKError,
} from "../src/index.js";
import { API_KEY, batchJob, FILE_ID, JOB_ID } from "./fixtures.js";
import { type RecordedRequest, type ScriptedResponse, startRecordingServer } from "./support/recordingServer.js";

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientAnswering(
  respond: (request: RecordedRequest, index: number) => ScriptedResponse,
  options: { prefix?: string } = {},
) {
  server = await startRecordingServer(respond);
  const mistral = new MistralBatch({
    apiKey: API_KEY,
    serverURL: `${server.url}${options.prefix ?? ""}`,
    retryConfig: { strategy: "none" },
  });
  return { mistral, requests: server.requests };
}

describe("the seed's five examples", () => {
  it("list sends GET /v1/batch/jobs with the seed's query", async () => {
    const { mistral, requests } = await clientAnswering(() => ({
      body: { data: [batchJob()], object: "list", total: 1 },
    }));
    const res = await mistral.batch.jobs.list({ page: 0, page_size: 100, created_by_me: false, order_by: "-created" });
    expect(res.total).toBe(1);
    expect(res.data?.[0]?.id).toBe(JOB_ID);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe("GET");
    expect(requests[0]?.url).toBe("/v1/batch/jobs?page=0&page_size=100&created_by_me=false&order_by=-created");
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]?.headers["user-agent"]).toBe("mistral-batch-kit");
  });

  it("create sends POST /v1/batch/jobs with a JSON body", async () => {
    const { mistral, requests } = await clientAnswering(() => ({ body: batchJob() }));
    const requestsIn = [{ custom_id: "0", body: { input: "hello" } }];
    const job = await mistral.batch.jobs.create({
      endpoint: "/v1/moderations",
      model: "mistral-small-latest",
      timeout_hours: 24,
      requests: requestsIn,
    });
    expect(job.status).toBe("QUEUED");
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url).toBe("/v1/batch/jobs");
    expect(requests[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({
      endpoint: "/v1/moderations",
      model: "mistral-small-latest",
      timeout_hours: 24,
      requests: requestsIn,
    });
  });

  it("get sends GET /v1/batch/jobs/{job_id}, with inline when asked", async () => {
    const { mistral, requests } = await clientAnswering(() => ({ body: batchJob({ status: "RUNNING" }) }));
    await mistral.batch.jobs.get({ job_id: JOB_ID });
    await mistral.batch.jobs.get({ job_id: JOB_ID, inline: true });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /v1/batch/jobs/${JOB_ID}`,
      `GET /v1/batch/jobs/${JOB_ID}?inline=true`,
    ]);
  });

  it("delete sends DELETE /v1/batch/jobs/{job_id}", async () => {
    const { mistral, requests } = await clientAnswering(() => ({
      body: { id: JOB_ID, object: "batch", deleted: true },
    }));
    const res = await mistral.batch.jobs.delete({ job_id: JOB_ID });
    expect(res.deleted).toBe(true);
    expect(`${requests[0]?.method} ${requests[0]?.url}`).toBe(`DELETE /v1/batch/jobs/${JOB_ID}`);
  });

  it("delete takes an answer without `deleted`, which the API may leave out (it then means true)", async () => {
    const { mistral } = await clientAnswering(() => ({ body: { id: JOB_ID, object: "batch" } }));
    expect(await mistral.batch.jobs.delete({ job_id: JOB_ID })).toEqual({ id: JOB_ID, object: "batch" });
  });

  it("delete refuses an answer without the job's id", async () => {
    const { mistral } = await clientAnswering(() => ({ body: { deleted: true } }));
    await expect(mistral.batch.jobs.delete({ job_id: JOB_ID })).rejects.toThrow(ResponseValidationError);
  });

  it("cancel sends POST /v1/batch/jobs/{job_id}/cancel with no body", async () => {
    const { mistral, requests } = await clientAnswering(() => ({
      body: batchJob({ status: "CANCELLATION_REQUESTED" }),
    }));
    const job = await mistral.batch.jobs.cancel({ job_id: JOB_ID });
    expect(job.status).toBe("CANCELLATION_REQUESTED");
    expect(`${requests[0]?.method} ${requests[0]?.url}`).toBe(`POST /v1/batch/jobs/${JOB_ID}/cancel`);
    expect(requests[0]?.body).toBe("");
  });
});

describe("URLs and query serialization", () => {
  it("appends every route to a serverURL with a path prefix", async () => {
    const { mistral, requests } = await clientAnswering(() => ({ body: batchJob() }), { prefix: "/api/mistral/" });
    await mistral.batch.jobs.get({ job_id: JOB_ID });
    await mistral.batch.jobs.cancel({ job_id: JOB_ID });
    expect(requests.map((r) => r.url)).toEqual([
      `/api/mistral/v1/batch/jobs/${JOB_ID}`,
      `/api/mistral/v1/batch/jobs/${JOB_ID}/cancel`,
    ]);
  });

  it("repeats status, sends metadata exploded (one parameter per key) and created_after as an ISO date", async () => {
    const { mistral, requests } = await clientAnswering(() => ({ body: { data: [], object: "list", total: 0 } }));
    await mistral.batch.jobs.list({
      status: ["RUNNING", "QUEUED"],
      metadata: { owner: "alice", team: "a&b" },
      created_after: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      model: "mistral-small-latest",
      agent_id: "ag_1",
    });
    const query = new URL(requests[0]?.url ?? "", "http://x").searchParams;
    expect(query.getAll("status")).toEqual(["RUNNING", "QUEUED"]);
    // As the official SDKs send it: form style, exploded.
    expect(query.get("owner")).toBe("alice");
    expect(query.get("team")).toBe("a&b");
    expect(query.has("metadata")).toBe(false);
    expect(query.get("created_after")).toBe("2026-01-02T03:04:05.000Z");
    expect(query.get("model")).toBe("mistral-small-latest");
    expect(query.get("agent_id")).toBe("ag_1");
  });

  it("refuses at construction a relative serverURL where there is no page to resolve it against (Node)", () => {
    const error = (() => {
      try {
        new MistralBatch({ serverURL: "/api/mistral" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe("serverURL");
  });

  it("takes a relative serverURL where a page gives it a base (browsers)", async () => {
    const { requests } = await clientAnswering(() => ({ body: batchJob() }));
    vi.stubGlobal("location", { href: `${server?.url}/app/page` });
    try {
      await new MistralBatch({ serverURL: "/api/mistral" }).batch.jobs.get({ job_id: JOB_ID });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(requests[0]?.url).toBe(`/api/mistral/v1/batch/jobs/${JOB_ID}`);
  });

  it("sends any page_size: the API documents no maximum", async () => {
    const { mistral, requests } = await clientAnswering(() => ({ body: { data: [], object: "list", total: 0 } }));
    await mistral.batch.jobs.list({ page_size: 5000 });
    expect(requests[0]?.url).toBe("/v1/batch/jobs?page_size=5000");
  });

  it("sends client-wide and per-call headers", async () => {
    server = await startRecordingServer(() => ({ body: batchJob() }));
    const mistral = new MistralBatch({ apiKey: API_KEY, serverURL: server.url, headers: { "X-Team": "ml" } });
    await mistral.batch.jobs.get({ job_id: JOB_ID }, { headers: { "X-Trace": "t-1" } });
    expect(server.requests[0]?.headers["x-team"]).toBe("ml");
    expect(server.requests[0]?.headers["x-trace"]).toBe("t-1");
  });

  it("sends no Authorization header when there is no key (behind a proxy)", async () => {
    server = await startRecordingServer(() => ({ body: batchJob() }));
    const mistral = new MistralBatch({ serverURL: server.url });
    await mistral.batch.jobs.get({ job_id: JOB_ID });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("passes unknown statuses and new fields through", async () => {
    const { mistral } = await clientAnswering(() => ({
      body: { ...batchJob({ status: "PAUSED" }), priority: "high" },
    }));
    const job = await mistral.batch.jobs.get({ job_id: JOB_ID });
    expect(job.status).toBe("PAUSED");
    expect((job as unknown as { priority: string }).priority).toBe("high");
  });
});

describe("errors", () => {
  it("turns a 401 into an SDKError whose message, toString and JSON never show the key", async () => {
    const { mistral } = await clientAnswering(() => ({
      status: 401,
      body: { message: "Unauthorized", request_id: "r-1" },
    }));
    const error = await mistral.batch.jobs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    const sdkError = error as SDKError;
    expect(sdkError.statusCode).toBe(401);
    expect(sdkError.body).toEqual({ message: "Unauthorized", request_id: "r-1" });
    expect(sdkError.headers.get("content-type")).toBe("application/json");
    expect(sdkError.message).toBe("batch.jobs.list failed: HTTP 401: Unauthorized");
    for (const text of [sdkError.message, String(sdkError), sdkError.stack ?? "", JSON.stringify(sdkError)]) {
      expect(text).not.toContain(API_KEY);
    }
  });

  it("turns a 422 into an HTTPValidationError with its detail", async () => {
    const detail = [{ loc: ["body", "endpoint"], msg: "Input should be a valid endpoint", type: "enum" }];
    const { mistral } = await clientAnswering(() => ({ status: 422, body: { detail } }));
    const error = await mistral.batch.jobs
      .create({ endpoint: "/v1/nope", requests: [{ body: {} }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPValidationError);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as HTTPValidationError).detail).toEqual(detail);
    expect((error as HTTPValidationError).message).toContain("body.endpoint: Input should be a valid endpoint");
  });

  it("keeps a body that is not JSON as raw text", async () => {
    const { mistral } = await clientAnswering(() => ({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html>Bad gateway</html>",
    }));
    const error = (await mistral.batch.jobs.get({ job_id: JOB_ID }).catch((e: unknown) => e)) as SDKError;
    expect(error).toBeInstanceOf(SDKError);
    expect(error.statusCode).toBe(502);
    expect(error.body).toBe("<html>Bad gateway</html>");
  });

  it.each([
    ["a truncated JSON body", '{"id": "4017dc9f', "not valid JSON"],
    ["a body that is JSON but no object", "42", "not a JSON object"],
    ["an empty body", "", "not a JSON object"],
    ["a JSON object of another shape", '{"ok":true}', "has no string `id`"],
  ])("names the operation on a 2XX with %s", async (_, body, reason) => {
    const { mistral } = await clientAnswering(() => ({ body }));
    const error = await mistral.batch.jobs.get({ job_id: JOB_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain("batch.jobs.get");
    expect((error as Error).message).toContain(reason);
  });

  describe("refuses a key or header that HTTP cannot carry, without repeating it", () => {
    const secrets = ["CR", "LF", "NUL"].map((name) => ({
      name,
      secret: `${API_KEY}${{ CR: "\r", LF: "\n", NUL: "\0" }[name]}leak`,
    }));

    /** The error is an InvalidRequestError on `field`, and no text it carries holds the secret. */
    function expectRefusal(error: unknown, field: string, secret: string) {
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(field);
      const texts = [
        String(error),
        (error as Error).stack ?? "",
        JSON.stringify(error),
        String((error as Error).cause),
      ];
      for (const text of texts) expect(text).not.toContain("leak");
      expect(texts.join(" ")).not.toContain(secret);
    }

    it.each(secrets)("an API key holding $name: the constructor throws", ({ secret }) => {
      const error = (() => {
        try {
          return new MistralBatch({ apiKey: secret });
        } catch (e) {
          return e;
        }
      })();
      expectRefusal(error, "apiKey", secret);
    });

    it.each(secrets)("a client-wide header holding $name: the constructor throws", ({ secret }) => {
      const error = (() => {
        try {
          return new MistralBatch({ apiKey: API_KEY, headers: { "X-Token": secret } });
        } catch (e) {
          return e;
        }
      })();
      expectRefusal(error, "headers.X-Token", secret);
    });

    it.each(secrets)(
      "a key from a function, or a per-call header, holding $name: the call rejects",
      async ({ secret }) => {
        server = await startRecordingServer(() => ({ body: batchJob() }));
        const rotating = new MistralBatch({ apiKey: () => secret, serverURL: server.url });
        expectRefusal(await rotating.batch.jobs.get({ job_id: JOB_ID }).catch((e: unknown) => e), "apiKey", secret);
        const mistral = new MistralBatch({ apiKey: API_KEY, serverURL: server.url });
        const perCall = await mistral.batch.jobs
          .get({ job_id: JOB_ID }, { headers: { "X-Token": secret } })
          .catch((e: unknown) => e);
        expectRefusal(perCall, "headers.X-Token", secret);
        expect(server.requests).toHaveLength(0);
      },
    );
  });

  it("gives a ConnectionError when nothing listens", async () => {
    server = await startRecordingServer();
    const url = server.url;
    await server.close();
    server = undefined;
    const mistral = new MistralBatch({ apiKey: API_KEY, serverURL: url, retryConfig: { strategy: "none" } });
    const error = await mistral.batch.jobs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("batch.jobs.list");
    expect((error as Error).message).not.toContain(API_KEY);
  });
});

describe("input validation, before any request", () => {
  const jobs = () => new MistralBatch({ apiKey: API_KEY, serverURL: server?.url }).batch.jobs;
  const files = () => new MistralBatch({ apiKey: API_KEY, serverURL: server?.url }).files;
  const tooMany = Array.from({ length: 10_001 }, () => ({ body: {} }));

  it.each([
    ["get with a job_id that is no UUID", () => jobs().get({ job_id: "job-1" }), "job_id"],
    ["cancel with a missing job_id", () => jobs().cancel({} as { job_id: string }), "job_id"],
    ["delete with a job_id that is no UUID", () => jobs().delete({ job_id: `${JOB_ID}x` }), "job_id"],
    [
      "create with both input_files and requests",
      () => jobs().create({ endpoint: "/v1/moderations", input_files: [FILE_ID], requests: [{ body: {} }] }),
      "input_files",
    ],
    ["create with neither", () => jobs().create({ endpoint: "/v1/moderations" }), "input_files"],
    [
      "create with 10,001 inline requests",
      () => jobs().create({ endpoint: "/v1/moderations", requests: tooMany }),
      "requests",
    ],
    [
      "create with a request without body",
      () => jobs().create({ endpoint: "/v1/moderations", requests: [{ body: {} }, {} as { body: object }] }),
      "requests[1].body",
    ],
    [
      "create with an input file id that is no UUID",
      () => jobs().create({ endpoint: "/v1/moderations", input_files: ["file.jsonl"] }),
      "input_files[0]",
    ],
    [
      "create with a metadata value that is no string",
      () =>
        jobs().create({
          endpoint: "/v1/moderations",
          requests: [{ body: {} }],
          metadata: { n: 1 } as unknown as Record<string, string>,
        }),
      "metadata.n",
    ],
    [
      "create with timeout_hours 0",
      () => jobs().create({ endpoint: "/v1/moderations", requests: [{ body: {} }], timeout_hours: 0 }),
      "timeout_hours",
    ],
    [
      "list with a metadata key named like a list parameter",
      () => jobs().list({ metadata: { status: "x" } }),
      "metadata.status",
    ],
    [
      "list with a deepObject-style metadata key",
      () => jobs().list({ metadata: { "metadata[a]": "x" } }),
      "metadata.metadata[a]",
    ],
    ["list with an empty metadata key", () => jobs().list({ metadata: { "": "x" } }), "metadata."],
    ["list with page_size 0", () => jobs().list({ page_size: 0 }), "page_size"],
    ["list with page -1", () => jobs().list({ page: -1 }), "page"],
    ["list with an unknown order_by", () => jobs().list({ order_by: "newest" as "created" }), "order_by"],
    ["list with a created_after that is no date", () => jobs().list({ created_after: "yesterday" }), "created_after"],
    ["files.retrieve with a file_id that is no UUID", () => files().retrieve({ file_id: "in.jsonl" }), "file_id"],
    ["files.delete with a missing file_id", () => files().delete({} as { file_id: string }), "file_id"],
    ["files.download with a file_id that is no UUID", () => files().download({ file_id: "x" }), "file_id"],
  ] as Array<[string, () => Promise<unknown>, string]>)(
    "refuses %s with a rejected promise",
    async (_, call, field) => {
      server = await startRecordingServer();
      // Every operation answers with a promise, bad input included: a synchronous throw escapes `.catch()` chains.
      let pending: Promise<unknown> | undefined;
      expect(() => {
        pending = call();
      }).not.toThrow();
      const error = await pending?.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(field);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid ${field.replace(/[[\].]/g, "\\$&")}: .+`));
      expect(server.requests).toHaveLength(0);
    },
  );
});
