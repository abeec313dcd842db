import { MistralBatch, SDKError } from "@mistral-batch/client";
import { Mistral } from "@mistralai/mistralai";
import express5 from "express";
import express4 from "express4";
import { describe, expect, it } from "vitest";
import { createFileTagger } from "../src/internal/ownership/fileTag.js";
import { failingFields, raw } from "./support/http.js";
import { SERVER_KEY, startProxyApp, TOKENS } from "./support/startProxyApp.js";
import { useProxyOverMock } from "./support/useProxyOverMock.js";

const MISSING = "00000000-0000-4000-8000-000000000000";
const LINES = `${JSON.stringify({ custom_id: "0", body: { messages: [{ role: "user", content: "hi" }] } })}\n`;

describe.each([
  ["Express 5 after express.json()", express5, true],
  ["Express 5 alone", express5, false],
  ["Express 4 after express.json()", express4, true],
])("%s", (_, expressModule, hostJsonParser) => {
  const suite = useProxyOverMock(expressModule, { hostJsonParser }, { queueDelayMs: 1000, jobDurationMs: 1000 });
  const { simulator } = suite;
  const ours = (user: keyof typeof TOKENS) =>
    new MistralBatch({ apiKey: TOKENS[user], serverURL: suite.app.url, retryConfig: { strategy: "none" } });
  const official = (user: keyof typeof TOKENS) => new Mistral({ apiKey: TOKENS[user], serverURL: suite.app.url });

  it("serves every job operation to our client, stamping the owner", async () => {
    const client = ours("alice");
    const job = await client.batch.jobs.create({
      endpoint: "/v1/moderations",
      model: "mistral-small-latest",
      requests: [{ custom_id: "a", body: { input: "x" } }],
      metadata: { owner: "mallory", team: "t" },
    });
    expect(job.metadata).toEqual({ owner: "alice", team: "t" });
    expect((await client.batch.jobs.list()).data?.map((j) => j.id)).toEqual([job.id]);
    expect((await client.batch.jobs.get({ job_id: job.id })).status).toBe("QUEUED");
    simulator.clock.advance(5000);
    const done = await client.batch.jobs.get({ job_id: job.id, inline: true });
    expect(done.status).toBe("SUCCESS");
    expect(done.outputs).toHaveLength(1);
    const other = await client.batch.jobs.create({ endpoint: "/v1/moderations", requests: [{ body: { input: "y" } }] });
    expect((await client.batch.jobs.cancel({ job_id: other.id })).status).toBe("CANCELLATION_REQUESTED");
    simulator.clock.advance(5000);
    expect(await client.batch.jobs.delete({ job_id: other.id })).toMatchObject({ id: other.id, deleted: true });
    expect(suite.app.events.map((e) => e.operation)).toEqual([
      "batch.jobs.create",
      "batch.jobs.list",
      "batch.jobs.get",
      "batch.jobs.get",
      "batch.jobs.create",
      "batch.jobs.cancel",
      "batch.jobs.delete",
    ]);
    expect(JSON.stringify(suite.app.events)).not.toContain(SERVER_KEY);
  });

  it("serves the file routes and the results helper to our client, streaming the upload", async () => {
    const client = ours("alice");
    async function* requests() {
      for (let i = 0; i < 3; i++) yield { custom_id: String(i), body: { input: `x${i}` } };
    }
    const file = await client.files.upload({ file: requests(), filename: "stream.jsonl" });
    expect(file.filename).toBe("stream.jsonl");
    expect((await client.files.retrieve({ file_id: file.id })).filename).toBe("stream.jsonl");
    const job = await client.batch.jobs.create({ endpoint: "/v1/moderations", model: "m", input_files: [file.id] });
    simulator.clock.advance(5000);
    const done = await client.batch.jobs.get({ job_id: job.id });
    const ids: string[] = [];
    for await (const result of client.batch.jobs.results(done)) ids.push(String(result.custom_id));
    expect(ids.sort()).toEqual(["0", "1", "2"]);
    expect(await new Response(await client.files.download({ file_id: file.id })).text()).toContain('"custom_id":"2"');
    expect(await client.files.delete({ file_id: file.id })).toMatchObject({ deleted: true });
  });

  it("serves every route to the official SDK, files included, hiding the owner tag", async () => {
    const sdk = official("alice");
    const file = await sdk.files.upload({
      file: { fileName: "in.jsonl", content: new TextEncoder().encode(LINES) },
      purpose: "batch",
    });
    expect(file.filename).toBe("in.jsonl");
    const stored = simulator.getFile(file.id).filename;
    expect(stored).toMatch(/^[\w-]{22}\.in\.jsonl$/);
    expect((await sdk.files.retrieve({ fileId: file.id })).filename).toBe("in.jsonl");
    const job = await sdk.batch.jobs.create({
      inputFiles: [file.id],
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
    });
    expect((await sdk.batch.jobs.list({ status: ["QUEUED"] })).data?.map((j) => j.id)).toEqual([job.id]);
    simulator.clock.advance(5000);
    const done = await sdk.batch.jobs.get({ jobId: job.id });
    expect(done.outputFile).toBeTruthy();
    const output = await new Response(await sdk.files.download({ fileId: done.outputFile! })).text();
    expect(output.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(output).custom_id).toBe("0");
    const input = await new Response(await sdk.files.download({ fileId: file.id })).text();
    expect(input).toBe(LINES);
    expect((await sdk.files.delete({ fileId: file.id })).deleted).toBe(true);
    const second = await sdk.batch.jobs.create({
      requests: [{ body: { input: "z" } }],
      endpoint: "/v1/moderations",
      model: "m",
    });
    expect((await sdk.batch.jobs.cancel({ jobId: second.id })).status).toBe("CANCELLATION_REQUESTED");
    simulator.clock.advance(5000);
    expect((await sdk.batch.jobs.delete({ jobId: second.id })).deleted).toBe(true);
  });

  it("keeps the two users apart on every operation", async () => {
    const alice = official("alice");
    const file = await alice.files.upload({
      file: { fileName: "a.jsonl", content: new TextEncoder().encode(LINES) },
      purpose: "batch",
    });
    const job = await alice.batch.jobs.create({ inputFiles: [file.id], endpoint: "/v1/chat/completions", model: "m" });
    simulator.clock.advance(5000);
    const outputFile = (await alice.batch.jobs.get({ jobId: job.id })).outputFile!;
    const open = await alice.batch.jobs.create({
      requests: [{ body: { input: "q" } }],
      endpoint: "/v1/moderations",
      model: "m",
    });

    const missingJob = await raw(suite.app.url, "bob", "GET", `/v1/batch/jobs/${MISSING}`);
    expect(missingJob.status).toBe(404);
    for (const [method, path] of [
      ["GET", `/v1/batch/jobs/${job.id}`],
      ["GET", `/v1/batch/jobs/${job.id}?inline=true`],
      ["POST", `/v1/batch/jobs/${open.id}/cancel`],
      ["DELETE", `/v1/batch/jobs/${job.id}`],
    ] as const) {
      const foreign = await raw(suite.app.url, "bob", method, path);
      const missing = await raw(suite.app.url, "bob", method, path.replace(/[0-9a-f-]{36}/, MISSING));
      expect(foreign.status, `${method} ${path}`).toBe(404);
      expect(foreign.text.replace(/[0-9a-f-]{36}/, "ID")).toBe(missing.text.replace(/[0-9a-f-]{36}/, "ID"));
    }
    for (const [method, suffix] of [
      ["GET", ""],
      ["GET", "/content"],
      ["DELETE", ""],
    ] as const) {
      for (const id of [file.id, outputFile]) {
        const foreign = await raw(suite.app.url, "bob", method, `/v1/files/${id}${suffix}`);
        const missing = await raw(suite.app.url, "bob", method, `/v1/files/${MISSING}${suffix}`);
        expect(foreign.status, `${method} ${id}${suffix}`).toBe(404);
        expect(foreign.text.replace(id, "ID")).toBe(missing.text.replace(MISSING, "ID"));
      }
    }
    const borrow = await raw(suite.app.url, "bob", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/chat/completions", input_files: [file.id], model: "m" }),
    });
    expect(borrow.status).toBe(404);
    const bobSdk = official("bob");
    expect((await bobSdk.batch.jobs.list()).data).toEqual([]);
    expect((await bobSdk.batch.jobs.list({ metadata: { owner: "alice" } })).data).toEqual([]);
    expect((await raw(suite.app.url, "bob", "GET", '/v1/batch/jobs?metadata={"owner":"alice"}')).json).toMatchObject({
      data: [],
      total: 0,
    });

    // A file bob names with alice's tag stays bob's.
    const forged = new FormData();
    forged.append("file", new Blob([LINES]), `${await createFileTagger(SERVER_KEY)("alice")}.x.jsonl`);
    const bobFile = await raw(suite.app.url, "bob", "POST", "/v1/files", { body: forged });
    expect(bobFile.status).toBe(200);
    expect((await raw(suite.app.url, "alice", "GET", `/v1/files/${bobFile.json.id}`)).status).toBe(404);
    expect((await raw(suite.app.url, "bob", "GET", `/v1/files/${bobFile.json.id}`)).status).toBe(200);

    // Nothing of alice's changed, and she still reaches all of it, her job's output included.
    expect(simulator.getJob(open.id).status).toBe("QUEUED");
    expect(simulator.listJobs().total).toBe(2);
    expect((await raw(suite.app.url, "alice", "GET", `/v1/files/${outputFile}/content`)).status).toBe(200);
    expect((await raw(suite.app.url, "alice", "GET", `/v1/files/${file.id}`)).json.filename).toBe("a.jsonl");
    expect((await alice.batch.jobs.list()).total).toBe(2);
  });

  it("behaves as one across two instances, as behind a load balancer", async () => {
    const second = await startProxyApp(expressModule, suite.mock.url, { hostJsonParser });
    try {
      const form = new FormData();
      form.append("purpose", "batch");
      form.append("file", new Blob([LINES]), "one.jsonl");
      const file = await raw(suite.app.url, "alice", "POST", "/v1/files", { body: form });
      expect((await raw(second.url, "alice", "GET", `/v1/files/${file.json.id}/content`)).text).toBe(LINES);
      expect((await raw(second.url, "bob", "GET", `/v1/files/${file.json.id}`)).status).toBe(404);
      const job = await raw(second.url, "alice", "POST", "/v1/batch/jobs", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ endpoint: "/v1/moderations", model: "m", input_files: [file.json.id] }),
      });
      expect(job.status).toBe(200);
      expect((await raw(suite.app.url, "alice", "POST", `/v1/batch/jobs/${job.json.id}/cancel`)).status).toBe(200);
      expect((await raw(suite.app.url, "bob", "GET", `/v1/batch/jobs/${job.json.id}`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it("answers every request error with JSON before reaching the upstream", async () => {
    const before = simulator.listJobs().total;
    const cases: [string, string, Parameters<typeof raw>[4], number, keyof typeof TOKENS | null][] = [
      ["GET", "/v1/batch/jobs", {}, 401, null],
      ["GET", "/v1/batch/jobs", { headers: { authorization: "Bearer wrong" } }, 401, null],
      ["GET", "/v1/batch/jobs/123", {}, 400, "alice"],
      ["POST", "/v1/batch/jobs/nope/cancel", {}, 400, "alice"],
      ["GET", "/v1/files/%00/content", {}, 400, "alice"],
      ["GET", "/v1/batch/jobs?order_by=name", {}, 400, "alice"],
      [
        "POST",
        "/v1/batch/jobs",
        { headers: { "content-type": "application/json" }, body: '{"endpoint":1}' },
        400,
        "alice",
      ],
      [
        "POST",
        "/v1/batch/jobs",
        { headers: { "content-type": "text/plain" }, body: '{"endpoint":"/v1/ocr"}' },
        415,
        "alice",
      ],
      ["POST", "/v1/files", { headers: { "content-type": "application/json" }, body: "{}" }, 415, "alice"],
      ["GET", "/v1/models", {}, 404, "alice"],
      ["PATCH", "/v1/batch/jobs", {}, 405, "alice"],
      ["GET", "/", {}, 404, "alice"],
    ];
    for (const [method, path, init, status, user] of cases) {
      const answer = await raw(suite.app.url, user, method, path, init);
      expect(answer.status, `${method} ${path}`).toBe(status);
      expect(answer.json.object).toBe("error");
    }
    const invalid = await raw(suite.app.url, "alice", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "/v1/ocr", requests: [{ body: 1 }], metadata: { k: 2 } }),
    });
    expect(failingFields(invalid)).toEqual(["body.requests.0.body", "body.metadata.k"]);
    expect(simulator.listJobs().total).toBe(before);
  });

  it("maps upstream failures to 4XX pass-through, 502 and 504", async () => {
    const client = ours("alice");
    simulator.faults.add({ path: "/v1/batch/jobs", kind: "status", status: 429, retry_after: 7 });
    const limited = await raw(suite.app.url, "alice", "GET", "/v1/batch/jobs");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    for (const fault of [
      { kind: "status", status: 500 },
      { kind: "status", status: 503 },
      { kind: "reset" },
      { kind: "malformed" },
    ] as const) {
      simulator.faults.add({ path: "/v1/batch/jobs", ...fault });
      const answer = await raw(suite.app.url, "alice", "GET", "/v1/batch/jobs");
      expect(answer.status, fault.kind).toBe(502);
      expect(answer.json.type).toBe("upstream_error");
    }
    const slow = await startProxyApp(expressModule, suite.mock.url, { timeoutMs: 150 });
    try {
      simulator.faults.add({ path: "/v1/batch/jobs", kind: "delay", delay_ms: 1000 });
      const late = await raw(slow.url, "alice", "GET", "/v1/batch/jobs");
      expect(late.status).toBe(504);
    } finally {
      await slow.close();
    }
    const error = await client.batch.jobs.get({ job_id: MISSING }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(404);
  });

  it("answers 413 for JSON over the limit and stops an upload as soon as it crosses its limit", async () => {
    const small = await startProxyApp(expressModule, suite.mock.url, {
      limits: { jsonBody: 2048, upload: 1024 * 1024 },
    });
    try {
      const big = await raw(small.url, "alice", "POST", "/v1/batch/jobs", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ endpoint: "/v1/ocr", requests: [{ body: { x: "y".repeat(4096) } }] }),
      });
      expect(big.status).toBe(413);
      let produced = 0;
      const total = 64 * 1024 * 1024;
      const chunk = new Uint8Array(64 * 1024).fill(120);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(
              '--b\r\nContent-Disposition: form-data; name="file"; filename="big.jsonl"\r\n\r\n',
            ),
          );
        },
        pull(controller) {
          if (produced >= total) return controller.close();
          produced += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const answer = await raw(small.url, "alice", "POST", "/v1/files", {
        headers: { "content-type": "multipart/form-data; boundary=b" },
        body,
      }).catch((error: unknown) => ({ status: 0, error }));
      expect(answer.status).toBe(413);
      // The answer came long before the caller had sent it all.
      expect(produced).toBeLessThan(total / 2);
      expect(simulator.listJobs().total).toBe(0);
    } finally {
      await small.close();
    }
  });

  it("answers JSON, not Express's HTML page, for a malformed body or one over the host parser's limit", async () => {
    const bad = await raw(suite.app.url, "alice", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.object).toBe("error");
    if (!hostJsonParser) return;
    const tight = await startProxyApp(expressModule, suite.mock.url, { hostJsonParser: { limit: "1kb" } });
    try {
      const large = await raw(tight.url, "alice", "POST", "/v1/batch/jobs", {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ endpoint: "/v1/ocr", requests: [{ body: { x: "y".repeat(4096) } }] }),
      });
      expect(large.status).toBe(413);
      expect(large.json.type).toBe("payload_too_large");
    } finally {
      await tight.close();
    }
  });
});
