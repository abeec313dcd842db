import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatJsonl } from "../../test/fixtures.js";
import { createBatchSimulator } from "../createBatchSimulator.js";
import { type MockServer, startMockServer } from "./startMockServer.js";

const sim = createBatchSimulator({ queueDelayMs: 0, jobDurationMs: 1_000 });
let mock: MockServer;
const auth = { authorization: "Bearer k" };

beforeAll(async () => {
  mock = await startMockServer({ port: 0, simulator: sim });
});
afterAll(() => mock.close());
beforeEach(() => sim.reset());

describe("startMockServer", () => {
  it("keeps its defaults for options given as undefined: a free port of 127.0.0.1, a simulator on real time", async () => {
    const own = await startMockServer({ port: undefined, host: undefined, simulator: undefined, clock: undefined });
    try {
      expect(own.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const before = own.simulator.clock.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(own.simulator.clock.now()).toBeGreaterThan(before);
    } finally {
      await own.close();
    }
  });

  it("listens on a free port of 127.0.0.1 and serves the API", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mock.url}/v1/batch/jobs`, { headers: auth });
    expect(await response.json()).toEqual({ data: [], object: "list", total: 0 });
  });

  it("answers 404 with JSON outside the API", async () => {
    const response = await fetch(`${mock.url}/v2/nothing`, { headers: auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not Found" });
  });

  it("receives multipart uploads and streams a job's output in chunks", async () => {
    const form = new FormData();
    form.append("file", new Blob([chatJsonl(3000)]), "big.jsonl");
    form.append("purpose", "batch");
    const file = await (await fetch(`${mock.url}/v1/files`, { method: "POST", body: form, headers: auth })).json();
    expect(file.num_lines).toBe(3000);
    const job = sim.createJob({ endpoint: "/v1/chat/completions", input_files: [file.id] });
    sim.clock.advance(1_000);
    const output = sim.getJob(job.id).output_file as string;
    const response = await fetch(`${mock.url}/v1/files/${output}/content`, { headers: auth });
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks++;
      text += decoder.decode(chunk, { stream: true });
    }
    expect(chunks).toBeGreaterThan(1);
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(3000);
    expect(JSON.parse(lines[2999] as string).custom_id).toBe("r2999");
  });

  it("destroys the socket on a reset fault set over HTTP", async () => {
    const set = await fetch(`${mock.url}/__mock/faults`, {
      method: "POST",
      body: JSON.stringify({ method: "GET", path: "/v1/batch/jobs", kind: "reset" }),
    });
    expect(set.status).toBe(200);
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const req = httpRequest(`${mock.url}/v1/batch/jobs`, { headers: auth }, () =>
        reject(new Error("got a response")),
      );
      req.on("error", resolve);
      req.end();
    });
    expect(error.code).toBe("ECONNRESET");
    expect((await fetch(`${mock.url}/v1/batch/jobs`, { headers: auth })).status).toBe(200);
  });

  it("clears state on POST /__mock/reset", async () => {
    sim.createJob({ endpoint: "/v1/embeddings", requests: [{ body: { input: "a" } }] });
    expect((await fetch(`${mock.url}/__mock/reset`, { method: "POST" })).status).toBe(200);
    expect(sim.listJobs().total).toBe(0);
  });

  it("creates a real-time simulator from options when none is given", async () => {
    const own = await startMockServer({ port: 0, queueDelayMs: 0, jobDurationMs: 50, apiKey: "only" });
    try {
      expect((await fetch(`${own.url}/v1/batch/jobs`, { headers: auth })).status).toBe(401);
      const job = own.simulator.createJob({ endpoint: "/v1/moderations", requests: [{ body: { input: "a" } }] });
      await new Promise((resolve) => setTimeout(resolve, 80));
      const response = await fetch(`${own.url}/v1/batch/jobs/${job.id}`, { headers: { authorization: "Bearer only" } });
      expect((await response.json()).status).toBe("SUCCESS");
    } finally {
      await own.close();
    }
  });
});
