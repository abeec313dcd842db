import { Mistral } from "@mistralai/mistralai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatchSimulator } from "../src/createBatchSimulator.js";
import { type MockServer, startMockServer } from "../src/node/startMockServer.js";
import { chatJsonl, chatRequests } from "./fixtures.js";

const sim = createBatchSimulator({
  queueDelayMs: 1_000,
  jobDurationMs: 10_000,
  cancelDelayMs: 1_000,
  failureRate: 0.2,
});
let mock: MockServer;
let mistral: Mistral;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, simulator: sim });
  mistral = new Mistral({ apiKey: "sdk-key", serverURL: mock.url });
});
afterAll(() => mock.close());

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("the official SDK (@mistralai/mistralai) against the standalone server", () => {
  it("runs the whole batch lifecycle, file listing and signed URLs included, without a validation error", async () => {
    const started = new Date(Math.floor(sim.clock.now() / 1000) * 1000);
    const file = await mistral.files.upload({
      file: { fileName: "requests.jsonl", content: new TextEncoder().encode(chatJsonl(10)) },
      purpose: "batch",
    });
    expect(file).toMatchObject({ filename: "requests.jsonl", numLines: 10, purpose: "batch" });
    expect(await mistral.files.retrieve({ fileId: file.id })).toMatchObject({ id: file.id, deleted: false });

    const fromFile = await mistral.batch.jobs.create({
      inputFiles: [file.id],
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
      metadata: { owner: "alice" },
    });
    const inline = await mistral.batch.jobs.create({
      requests: chatRequests(3).map(({ custom_id, body }) => ({ customId: custom_id, body })),
      endpoint: "/v1/moderations",
      model: "mistral-moderation-latest",
      metadata: { owner: "bob" },
      timeoutHours: 2,
    });
    expect(fromFile).toMatchObject({ status: "QUEUED", totalRequests: 10, inputFiles: [file.id] });
    expect(inline).toMatchObject({ status: "QUEUED", totalRequests: 3 });

    const byOwner = await mistral.batch.jobs.list({
      metadata: { owner: "alice" },
      status: ["QUEUED", "RUNNING"],
      createdAfter: started,
    });
    expect(byOwner.total).toBe(1);
    expect(byOwner.data?.map((job) => job.id)).toEqual([fromFile.id]);
    const page = await mistral.batch.jobs.list({
      page: 1,
      pageSize: 1,
      orderBy: "created",
      createdByMe: true,
      model: "mistral-moderation-latest",
    });
    expect(page).toMatchObject({ total: 1, data: [] });

    sim.clock.advance(1_000 + 5_000);
    const cancelled = await mistral.batch.jobs.cancel({ jobId: inline.id });
    expect(cancelled.status).toBe("CANCELLATION_REQUESTED");

    sim.clock.advance(5_000);
    const done = await mistral.batch.jobs.get({ jobId: fromFile.id, inline: true });
    expect(done).toMatchObject({ status: "SUCCESS", completedRequests: 10, succeededRequests: 8, failedRequests: 2 });
    expect(done.outputs).toHaveLength(10);
    expect((await mistral.batch.jobs.get({ jobId: inline.id })).status).toBe("CANCELLED");

    const output = await text(await mistral.files.download({ fileId: done.outputFile as string }));
    expect(output.trim().split("\n")).toHaveLength(8);
    const errors = await text(await mistral.files.download({ fileId: done.errorFile as string }));
    expect(errors.trim().split("\n")).toHaveLength(2);
    expect(await mistral.files.retrieve({ fileId: done.outputFile as string })).toMatchObject({
      sizeBytes: output.length,
      sampleType: "batch_result",
    });

    const results = await mistral.files.list({ sampleType: ["batch_result", "batch_error"], source: ["mistral"] });
    // Both jobs' results: the cancelled one has an output file of the requests done before the cancel.
    expect(results.total).toBe(3);
    expect(results.data.map((f) => f.id)).toEqual(expect.arrayContaining([done.outputFile, done.errorFile]));
    const uploads = await mistral.files.list({
      purpose: "batch",
      search: "requests",
      pageSize: 1,
      includeTotal: false,
    });
    expect(uploads).toMatchObject({ object: "list", total: null, data: [{ id: file.id, visibility: "workspace" }] });
    const { url } = await mistral.files.getSignedUrl({ fileId: done.outputFile as string, expiry: 2 });
    expect(await (await fetch(url)).text()).toBe(output);

    expect(await mistral.batch.jobs.delete({ jobId: inline.id })).toMatchObject({ id: inline.id, deleted: true });
    expect(await mistral.files.delete({ fileId: file.id })).toMatchObject({ id: file.id, deleted: true });
    const remaining = await mistral.batch.jobs.list({});
    expect(remaining.data?.map((job) => job.id)).toEqual([fromFile.id]);
  });

  it("surfaces the mock's errors as the SDK's errors", async () => {
    await expect(mistral.batch.jobs.get({ jobId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      statusCode: 404,
    });
    const unauthorized = new Mistral({ apiKey: "", serverURL: mock.url });
    await expect(unauthorized.batch.jobs.list({})).rejects.toMatchObject({ statusCode: 401 });
    sim.faults.add({ method: "GET", path: "/v1/batch/jobs", status: 503 });
    await expect(mistral.batch.jobs.list({})).rejects.toMatchObject({ statusCode: 503 });
  });
});
