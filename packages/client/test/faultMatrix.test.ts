/**
 * Every operation against every fault the mock can inject (packages/msw, "Injecting faults"): each call ends, within
 * its time budget, in a success or a MistralBatchError, and a create with an idempotency key never leaves two jobs.
 * Short timeouts and backoffs keep the whole table to a few seconds.
 */
import { describe, expect, it } from "vitest";
import type { Fault } from "../../msw/src/index.js";
import {
  type BatchJob,
  IDEMPOTENCY_METADATA_KEY,
  MistralBatch,
  MistralBatchError,
  type RetryConfig,
} from "../src/index.js";
import { MOCK_URL, useMockApi } from "./support/mockApi.js";

/** Each call's deadline; a delayed answer comes well after it. */
const TIMEOUT_MS = 200;
const DELAY_MS = 300;
/** Retries start within this much of the first attempt, a few milliseconds apart. */
const RETRIES: RetryConfig = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 5, exponent: 2, maxElapsedTime: 600 },
  retryConnectionErrors: true,
};
/** A call that has not settled by then hangs: generous, since the machine is shared. */
const BUDGET_MS = 15_000;

const { simulator } = useMockApi({ queueDelayMs: 0, jobDurationMs: 1_000, failureRate: 0.3 });
const mistral = new MistralBatch({
  apiKey: "sk-mock",
  serverURL: MOCK_URL,
  retryConfig: RETRIES,
  timeoutMs: TIMEOUT_MS,
});
const call = { timeoutMs: TIMEOUT_MS }; // uploads otherwise get DEFAULT_UPLOAD_TIMEOUT_MS
const params = {
  endpoint: "/v1/moderations",
  model: "mistral-moderation-latest",
  requests: Array.from({ length: 6 }, (_, i) => ({ custom_id: `r${i}`, body: { input: `text ${i}` } })),
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job made on the simulator directly (no fault applies), finished when asked. */
function storedJob(finished = false): BatchJob {
  const job = simulator.createJob(params);
  if (finished) simulator.clock.advance(2_000);
  return simulator.getJob(job.id);
}

const storedFileId = () =>
  simulator.uploadFile({ filename: "in.jsonl", content: new TextEncoder().encode('{"a":1}\n') }).id;

async function readAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

interface Operation {
  name: string;
  /** The request the faults are injected into, as `Fault.method` and `Fault.path` match it. */
  method: string;
  path: string;
  /** True for creates with an idempotency key, whose jobs are counted. */
  keyed?: boolean;
  /** The idempotency key its create uses, when it is not the case's own key. */
  keyOf?: (key: string) => string;
  /** Sets up what the call needs, on the simulator, and returns the call. */
  prepare: (key: string) => () => Promise<unknown>;
}

const createOnce = (key: string) => () => mistral.batch.jobs.create(params, { ...call, idempotencyKey: key });
/** A call on a job stored beforehand (finished when asked), or on a stored file. */
const onJob =
  (send: (job: BatchJob) => Promise<unknown>, finished = false) =>
  () => {
    const job = storedJob(finished);
    return () => send(job);
  };
/** A finished job made from an input file, so that its failed lines can be sent again. */
function storedFileJob(): BatchJob {
  const content = new TextEncoder().encode(params.requests.map((r) => `${JSON.stringify(r)}\n`).join(""));
  const file = simulator.uploadFile({ filename: "in.jsonl", content, purpose: "batch" });
  const { requests: _inline, ...rest } = params;
  const job = simulator.createJob({ ...rest, input_files: [file.id] });
  simulator.clock.advance(2_000);
  return simulator.getJob(job.id);
}

/** A run of the six requests, on a clock that moves while it waits. */
const runOf = (key: string) => async () => {
  const tick = setInterval(() => simulator.clock.advance(1_000), 2);
  try {
    const run = await mistral.batch.run(params, {
      runId: runIdOf(key),
      pollIntervalMs: 1,
      maxPollIntervalMs: 5,
      retryDelayMs: 1,
    });
    await readAll(run.results);
    return await run.summary();
  } finally {
    clearInterval(tick);
  }
};
const runIdOf = (key: string) => key.replace(/[^\w.:-]/g, "_");
let retriedJobId = "";

const onFile = (send: (file_id: string) => Promise<unknown>) => () => {
  const file_id = storedFileId();
  return () => send(file_id);
};

const operations: Operation[] = [
  { name: "list", method: "GET", path: "/v1/batch/jobs", prepare: () => () => mistral.batch.jobs.list({}, call) },
  {
    name: "get",
    method: "GET",
    path: "/v1/batch/jobs/:job_id",
    prepare: onJob((job) => mistral.batch.jobs.get({ job_id: job.id }, call)),
  },
  {
    name: "create",
    method: "POST",
    path: "/v1/batch/jobs",
    prepare: () => () => mistral.batch.jobs.create(params, call),
  },
  { name: "create with idempotencyKey", method: "POST", path: "/v1/batch/jobs", keyed: true, prepare: createOnce },
  {
    name: "create with idempotencyKey, faults on its lookups",
    method: "GET",
    path: "/v1/batch/jobs",
    keyed: true,
    prepare: createOnce,
  },
  {
    name: "cancel",
    method: "POST",
    path: "/v1/batch/jobs/:job_id/cancel",
    prepare: onJob((job) => mistral.batch.jobs.cancel({ job_id: job.id }, call)),
  },
  {
    name: "delete",
    method: "DELETE",
    path: "/v1/batch/jobs/:job_id",
    prepare: onJob((job) => mistral.batch.jobs.delete({ job_id: job.id }, call), true),
  },
  {
    name: "files.upload",
    method: "POST",
    path: "/v1/files",
    prepare: () => () => mistral.files.upload({ file: new Blob(['{"a":1}\n']), filename: "in.jsonl" }, call),
  },
  {
    name: "files.retrieve",
    method: "GET",
    path: "/v1/files/:file_id",
    prepare: onFile((file_id) => mistral.files.retrieve({ file_id }, call)),
  },
  {
    name: "files.download",
    method: "GET",
    path: "/v1/files/:file_id/content",
    prepare: onFile(async (file_id) => new Response(await mistral.files.download({ file_id }, call)).text()),
  },
  {
    name: "files.delete",
    method: "DELETE",
    path: "/v1/files/:file_id",
    prepare: onFile((file_id) => mistral.files.delete({ file_id }, call)),
  },
  {
    name: "results",
    method: "GET",
    path: "/v1/files/:file_id/content",
    prepare: onJob((job) => readAll(mistral.batch.jobs.results(job, call)), true),
  },
  ...(["POST /v1/batch/jobs", "GET /v1/batch/jobs", "GET /v1/files/:file_id/content", "POST /v1/files"] as const).map(
    (route): Operation => ({
      name: `retryFailed, faults on ${route}`,
      method: route.split(" ")[0] as string,
      path: route.split(" ")[1] as string,
      keyed: true,
      keyOf: () => `retry-of-${retriedJobId}`,
      prepare: () => {
        const job = storedFileJob();
        retriedJobId = job.id;
        return () => mistral.batch.jobs.retryFailed(job, call);
      },
    }),
  ),
  ...(["POST /v1/batch/jobs", "GET /v1/batch/jobs"] as const).map(
    (route): Operation => ({
      name: `run, faults on ${route}`,
      method: route.split(" ")[0] as string,
      path: route.split(" ")[1] as string,
      keyed: true,
      keyOf: (key) => `${runIdOf(key)}/0`,
      prepare: runOf,
    }),
  ),
];

type FaultCase = { label: string; fault?: Omit<Fault, "method" | "path"> };

const faults: FaultCase[] = [
  { label: "no fault" },
  ...(["before", "after"] as const).flatMap((when): FaultCase[] => [
    ...[400, 404, 429, 500, 502, 503, 504].map((status) => ({
      label: `${status} ${when}${status === 429 || status === 503 ? " with Retry-After" : ""}`,
      fault: { when, status, retry_after: status === 429 || status === 503 ? 1 : undefined },
    })),
    { label: `connection reset ${when}`, fault: { when, kind: "reset" } },
    { label: `malformed body ${when}`, fault: { when, kind: "malformed" } },
    { label: `delay past the timeout ${when}`, fault: { when, kind: "delay", delay_ms: DELAY_MS } },
  ]),
  { label: "503 on every request", fault: { status: 503, times: 1_000 } },
  { label: "connection reset on every request", fault: { kind: "reset", times: 1_000 } },
];

type Outcome = { value: unknown } | { error: unknown } | { hung: true };

async function settle(promise: Promise<unknown>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ hung: true }), BUDGET_MS);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(operations)("$name", (operation) => {
  it.each(faults)("$label: a success or a MistralBatchError in time", async ({ label, fault }) => {
    const key = `${operation.name} ${label}`;
    const run = operation.prepare(key);
    if (fault) simulator.faults.add({ method: operation.method, path: operation.path, ...fault });
    const outcome = await settle(Promise.resolve().then(run));

    expect(outcome).not.toHaveProperty("hung");
    if (!fault) expect(outcome).toHaveProperty("value"); // without a fault, every operation succeeds
    if ("error" in outcome) expect(outcome.error).toBeInstanceOf(MistralBatchError);
    if (operation.keyed) {
      // A create the client gave up on lands once its delay is over: count after that.
      if (fault?.kind === "delay") await sleep(DELAY_MS);
      const idempotencyKey = operation.keyOf?.(key) ?? key;
      const jobs = simulator.listJobs({ metadata: { [IDEMPOTENCY_METADATA_KEY]: idempotencyKey } }).data ?? [];
      expect(jobs.length).toBeLessThanOrEqual(1);
      if ("value" in outcome) expect(jobs).toHaveLength(1);
      const made = "value" in outcome ? (outcome.value as Partial<BatchJob>).id : undefined;
      if (made) expect(jobs.map((job) => job.id)).toEqual([made]);
    }
  });
});
