// The page of the browser test, bundled by esbuild: the README's `setupWorker` setup, on the manual clock, then
// scenarios the Node side runs with `page.evaluate(() => window.batchFixture.x())`. Each returns plain data.
import { MistralBatch, type MistralBatchError, SDKError } from "@mistral-batch/client";
import { setupWorker } from "msw/browser";
import { batchHandlers, createBatchSimulator } from "../../src/index.js";
import { chatJsonl, chatRequests } from "../fixtures.js";

/** The only token the simulator accepts. */
const API_KEY = "browser-test-key";
const SERVER_URL = "https://api.mistral.ai";
const QUEUE_DELAY_MS = 1_000;
const JOB_DURATION_MS = 60_000;

/** What a scenario saw of a refused call. */
export interface CaughtError {
  name: string;
  isSdkError: boolean;
  statusCode: number | null;
  body: unknown;
}

/** The scenarios, exposed on `window.batchFixture` once the worker controls the page. */
export interface BatchFixture {
  /** The worker script controlling the page, from `navigator.serviceWorker.controller`. */
  controller: string | null;
  inlineJob(): Promise<InlineJobReport>;
  fileJob(): Promise<FileJobReport>;
  failures(): Promise<FailuresReport>;
}

declare global {
  interface Window {
    batchFixture?: BatchFixture;
  }
}

// One in four requests fails (the 4th, 8th...), so a finished job has both an output and an error file.
const simulator = createBatchSimulator({
  apiKey: API_KEY,
  queueDelayMs: QUEUE_DELAY_MS,
  jobDurationMs: JOB_DURATION_MS,
  failureRate: 0.25,
});
// The README's setup, with the worker kept in a variable for its events.
const worker = setupWorker(...batchHandlers(simulator, { baseUrl: SERVER_URL }));
await worker.start();

// What msw saw during the current scenario: every API call must be answered by a handler, none let through.
// "request:match" comes before the page gets its answer; "response:mocked" may come after the scenario returned.
const seen = { matched: 0, unhandled: [] as string[] };
function reset() {
  simulator.reset();
  seen.matched = 0;
  seen.unhandled = [];
}
worker.events.on("request:match", () => {
  seen.matched += 1;
});
worker.events.on("request:unhandled", ({ request }) => {
  seen.unhandled.push(`${request.method} ${request.url}`);
});

// No retries: a call that escaped the worker fails at once (no network here) instead of backing off for 30 s.
const client = (apiKey = API_KEY) =>
  new MistralBatch({ apiKey, serverURL: SERVER_URL, retryConfig: { strategy: "none" } });

async function resultsOf(mistral: MistralBatch, job_id: string) {
  const done = await mistral.batch.jobs.get({ job_id });
  const results: Array<{ custom_id: string; status_code: number | null; failed: boolean }> = [];
  for await (const result of mistral.batch.jobs.results(done)) {
    results.push({
      custom_id: result.custom_id,
      status_code: result.response?.status_code ?? null,
      failed: result.error !== null,
    });
  }
  results.sort((a, b) => a.custom_id.localeCompare(b.custom_id));
  return { done, results };
}

async function caught(call: () => Promise<unknown>): Promise<CaughtError> {
  try {
    await call();
  } catch (error) {
    const sdkError = error instanceof SDKError ? error : null;
    return {
      name: (error as MistralBatchError).name,
      isSdkError: sdkError !== null,
      statusCode: sdkError?.statusCode ?? null,
      body: sdkError?.body ?? null,
    };
  }
  throw new Error("expected the call to be refused");
}

/** Creates a job of 4 inline requests, lists it, reads it, finishes it with the clock and reads its results. */
async function inlineJob() {
  reset();
  const mistral = client();
  const created = await mistral.batch.jobs.create({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    requests: chatRequests(4),
    metadata: { suite: "browser" },
  });
  const listed = await mistral.batch.jobs.list({ metadata: { suite: "browser" } });
  const queued = await mistral.batch.jobs.get({ job_id: created.id });
  simulator.clock.advance(QUEUE_DELAY_MS + JOB_DURATION_MS / 2);
  const running = await mistral.batch.jobs.get({ job_id: created.id });
  simulator.clock.advance(JOB_DURATION_MS / 2);
  const { done, results } = await resultsOf(mistral, created.id);
  return {
    created: { id: created.id, status: created.status, total_requests: created.total_requests },
    // The simulator in this page holds the job: the answer came from it, not from a network.
    simulatorStatus: simulator.getJob(created.id).status,
    listed: { total: listed.total, ids: (listed.data ?? []).map((job) => job.id) },
    queued: queued.status,
    running: { status: running.status, completed_requests: running.completed_requests },
    done: {
      status: done.status,
      succeeded_requests: done.succeeded_requests,
      failed_requests: done.failed_requests,
      hasOutputFile: typeof done.output_file === "string",
      hasErrorFile: typeof done.error_file === "string",
    },
    results,
    seen: { ...seen },
  };
}
export type InlineJobReport = Awaited<ReturnType<typeof inlineJob>>;

/**
 * Uploads JSONL as a File and as a streamed body (both multipart, through the worker), then runs a job on the File
 * and reads its results.
 */
async function fileJob() {
  reset();
  const mistral = client();
  const jsonl = chatJsonl(8);
  const uploaded = await mistral.files.upload({
    file: new File([jsonl], "questions.jsonl", { type: "application/jsonl" }),
  });
  // The other way to upload: request objects written as JSONL into a streamed multipart body.
  const streamed = await mistral.files.upload({ file: chatRequests(8) as Array<Record<string, unknown>> });
  const retrieved = await mistral.files.retrieve({ file_id: uploaded.id });
  const created = await mistral.batch.jobs.create({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    input_files: [uploaded.id],
  });
  simulator.clock.advance(QUEUE_DELAY_MS + JOB_DURATION_MS);
  const { done, results } = await resultsOf(mistral, created.id);
  return {
    uploaded: { id: uploaded.id, filename: uploaded.filename, purpose: uploaded.purpose },
    simulatorFile: simulator.getFile(uploaded.id).filename,
    retrieved: { num_lines: retrieved.num_lines, bytes: retrieved.bytes },
    streamed: { filename: streamed.filename, num_lines: simulator.getFile(streamed.id).num_lines },
    bytesSent: new TextEncoder().encode(jsonl).length,
    created: { status: created.status, input_files: created.input_files, total_requests: created.total_requests },
    done: { status: done.status, succeeded_requests: done.succeeded_requests, failed_requests: done.failed_requests },
    results,
    seen: { ...seen },
  };
}
export type FileJobReport = Awaited<ReturnType<typeof fileJob>>;

/** A body the API's schema refuses, an input file the API refuses, an unknown job and a wrong key. */
async function failures() {
  reset();
  const mistral = client();
  // The client checks create bodies against the same schema before sending, so the 422 needs a raw fetch.
  const invalid = await fetch(`${SERVER_URL}/v1/batch/jobs`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ endpoint: "/v1/chat/completions", requests: [{ custom_id: "a" }] }),
  });
  const badLine = await mistral.files.upload({
    file: new File(['{"custom_id":"a","body":{}}\nnot json'], "bad.jsonl", { type: "application/jsonl" }),
  });
  return {
    schema: { status: invalid.status, body: (await invalid.json()) as unknown },
    badInputFile: await caught(() =>
      mistral.batch.jobs.create({ endpoint: "/v1/chat/completions", input_files: [badLine.id] }),
    ),
    unknownJob: await caught(() => mistral.batch.jobs.get({ job_id: crypto.randomUUID() })),
    wrongKey: await caught(() => client("not-the-key").batch.jobs.list()),
    jobsInSimulator: simulator.listJobs().total,
    seen: { ...seen },
  };
}
export type FailuresReport = Awaited<ReturnType<typeof failures>>;

window.batchFixture = {
  controller: navigator.serviceWorker.controller?.scriptURL ?? null,
  inlineJob,
  fileJob,
  failures,
};
