import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  type BatchJob,
  type BatchResult,
  batchResults,
  IncompleteResultsError,
  InvalidRequestError,
  JsonlParseError,
  ResponseValidationError,
} from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

const { simulator, server, core, requests } = useMockApi({
  failureRate: 0.2,
  queueDelayMs: 0,
  jobDurationMs: 1_000,
});

/** A job of `count` requests, run to completion on the simulator's clock. */
function finishedJob(count: number): BatchJob {
  const job = simulator.createJob({
    endpoint: "/v1/moderations",
    model: "mistral-moderation-latest",
    requests: Array.from({ length: count }, (_, i) => ({ custom_id: `c${i}`, body: { input: `text ${i}` } })),
  });
  simulator.clock.advance(2_000);
  return simulator.getJob(job.id);
}

async function collect(results: AsyncIterable<BatchResult>): Promise<BatchResult[]> {
  const all: BatchResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe("batch.jobs.results", () => {
  it("merges the output and error files, each custom_id once, typed successes and failures", async () => {
    const job = finishedJob(50);
    expect(job.output_file).toBeTruthy();
    expect(job.error_file).toBeTruthy();
    const results = await collect(batchResults(core, job));
    expect(results.map((r) => r.custom_id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `c${i}`).sort());
    const failed = results.filter((r) => r.response === null);
    expect(failed).toHaveLength(job.failed_requests);
    expect(failed.every((r) => r.error !== null)).toBe(true);
    const succeeded = results.filter((r) => r.response !== null);
    expect(succeeded).toHaveLength(job.succeeded_requests);
    expect(succeeded.every((r) => r.response?.status_code === 200 && r.error === null)).toBe(true);
    expect(requests).toEqual([`GET /v1/files/${job.output_file}/content`, `GET /v1/files/${job.error_file}/content`]);
  });

  it("reads the inline outputs of a job fetched with inline: true, without any download", async () => {
    const job = simulator.getJob(finishedJob(30).id, { inline: true });
    expect(Array.isArray(job.outputs)).toBe(true);
    const results = await collect(batchResults(core, job));
    expect(new Set(results.map((r) => r.custom_id)).size).toBe(30);
    expect(requests).toEqual([]);
  });

  it("fetches the inline outputs of a finished job that has neither outputs nor files", async () => {
    const job = finishedJob(10);
    const results = await collect(batchResults(core, { ...job, output_file: null, error_file: null }));
    expect(results).toHaveLength(10);
    expect(requests).toEqual([`GET /v1/batch/jobs/${job.id}`]);
  });

  it("yields nothing for a job that finished without results", async () => {
    const job = simulator.createJob({ endpoint: "/v1/moderations", requests: [{ custom_id: "x", body: {} }] });
    simulator.cancelJob(job.id);
    simulator.clock.advance(5_000);
    const cancelled = simulator.getJob(job.id);
    expect(cancelled.status).toBe("CANCELLED");
    expect(await collect(batchResults(core, cancelled))).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("refuses a job that is not finished", async () => {
    const job = simulator.createJob({ endpoint: "/v1/moderations", requests: [{ custom_id: "x", body: {} }] });
    await expect(collect(batchResults(core, job))).rejects.toThrow(InvalidRequestError);
    expect(requests).toEqual([]);
  });

  it("names the line of a malformed result, and of a result without custom_id", async () => {
    const job = finishedJob(5);
    server.use(
      http.get(`${MOCK_URL}/v1/files/:id/content`, () =>
        HttpResponse.text('{"custom_id":"a","response":null,"error":null}\r\n\r\n{"custom_id":'),
      ),
    );
    await expect(collect(batchResults(core, job))).rejects.toMatchObject({ lineNumber: 3 });
    await expect(collect(batchResults(core, job))).rejects.toThrow(JsonlParseError);
    server.use(http.get(`${MOCK_URL}/v1/files/:id/content`, () => HttpResponse.text('{"a":1}\n{"response":null}\n')));
    const error = await collect(batchResults(core, job)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`line 1 of file ${job.output_file}`);
  });

  /** The job, its file `fileId` now served less its last line: a file that ends early, on a line boundary. */
  async function withLastLineCut(job: BatchJob, fileId: string): Promise<BatchJob> {
    const content = await new Response(simulator.fileContent(fileId).stream).text();
    const shortened = content.split("\n").filter(Boolean).slice(0, -1).join("\n");
    server.use(http.get(`${MOCK_URL}/v1/files/${fileId}/content`, () => HttpResponse.text(`${shortened}\n`)));
    return job;
  }

  it.each([
    { source: "the output file", cut: (job: BatchJob) => withLastLineCut(job, job.output_file as string) },
    { source: "the error file", cut: (job: BatchJob) => withLastLineCut(job, job.error_file as string) },
    {
      source: "the inline outputs array",
      cut: async (job: BatchJob) => ({ ...job, outputs: simulator.getJob(job.id, { inline: true }).outputs?.slice(1) }),
    },
  ])("rejects with IncompleteResultsError when $source holds one result less than the job counts", async ({ cut }) => {
    const job = finishedJob(20);
    expect(job.succeeded_requests).toBeGreaterThan(0);
    expect(job.failed_requests).toBeGreaterThan(0);
    const short = await cut(job);
    const read: BatchResult[] = [];
    const error = await (async () => {
      for await (const result of batchResults(core, short)) read.push(result);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteResultsError);
    expect(error).toMatchObject({ jobId: job.id, expected: 20, read: 19 });
    expect((error as Error).message).toContain("1 missing");
    expect(read).toHaveLength(19);
  });
});
