import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ConnectionError,
  MistralBatch,
  type MistralBatchOptions,
  RequestAbortedError,
  RequestTimeoutError,
  SDKError,
} from "../src/index.js";
import { API_KEY, batchJob, FILE_ID, JOB_ID } from "./fixtures.js";
import { startRecordingServer } from "./support/recordingServer.js";

type Step = Response | Error | "hang";

/** A fetch that answers from a script, one step per attempt, and records when each attempt came. */
function scriptedFetch(steps: Step[]) {
  const attempts: number[] = [];
  const fetch = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (init?.signal?.aborted) return Promise.reject(init.signal.reason);
    attempts.push(Date.now());
    const step = steps[Math.min(attempts.length - 1, steps.length - 1)]!;
    if (step === "hang") {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step.clone());
  };
  return { fetch: fetch as typeof globalThis.fetch, attempts };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const ok = () => json(200, batchJob());
const page = () => json(200, { data: [batchJob()], object: "list", total: 1 });
const refused = () =>
  new TypeError("fetch failed", { cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) });
const reset = () =>
  new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });

function client(steps: Step[], options: MistralBatchOptions = {}) {
  const scripted = scriptedFetch(steps);
  const mistral = new MistralBatch({
    apiKey: API_KEY,
    serverURL: "http://mistral.test",
    fetch: scripted.fetch,
    ...options,
  });
  return { mistral, attempts: scripted.attempts };
}

const createParams = { endpoint: "/v1/moderations", requests: [{ custom_id: "0", body: { input: "x" } }] };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Retry-After", () => {
  it("waits the seconds a 429 asks for, then retries", async () => {
    const { mistral, attempts } = client([json(429, { message: "slow down" }, { "Retry-After": "1" }), page()]);
    const result = mistral.batch.jobs.list();
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toHaveLength(2);
    await expect(result).resolves.toMatchObject({ total: 1 });
  });

  it("reads an HTTP date", async () => {
    const retryAt = new Date(Date.now() + 3000).toUTCString();
    const { mistral, attempts } = client([json(503, {}, { "Retry-After": retryAt }), ok()]);
    const result = mistral.batch.jobs.get({ job_id: JOB_ID });
    await vi.advanceTimersByTimeAsync(2000);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ id: JOB_ID });
    expect(attempts).toHaveLength(2);
  });

  it("never waits longer than maxInterval", async () => {
    const { mistral, attempts } = client([json(429, {}, { "Retry-After": "3600" }), ok()], {
      retryConfig: { strategy: "backoff", backoff: { maxInterval: 2000 } },
    });
    const result = mistral.batch.jobs.get({ job_id: JOB_ID });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toMatchObject({ id: JOB_ID });
    expect(attempts[1]! - attempts[0]!).toBe(2000);
  });

  it("gives up, returning the last error, when the wait would pass maxElapsedTime", async () => {
    const { mistral, attempts } = client([json(503, { message: "busy" }, { "Retry-After": "10" })], {
      retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 25_000, maxInterval: 60_000 } },
    });
    const result = mistral.batch.jobs.get({ job_id: JOB_ID }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(30_000);
    const error = await result;
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(503);
    expect(attempts).toEqual([0, 10_000, 20_000].map((t) => attempts[0]! + t));
  });
});

describe("which failures are retried", () => {
  it.each([429, 500, 502, 503, 504])("retries get on %i", async (status) => {
    const { mistral, attempts } = client([json(status, {}), ok()]);
    const result = mistral.batch.jobs.get({ job_id: JOB_ID });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toMatchObject({ id: JOB_ID });
    expect(attempts).toHaveLength(2);
  });

  it.each([400, 401, 404, 422])("does not retry %i", async (status) => {
    const { mistral, attempts } = client([json(status, {}), ok()]);
    const error = await mistral.batch.jobs.get({ job_id: JOB_ID }).catch((e: unknown) => e);
    expect((error as SDKError).statusCode).toBe(status);
    expect(attempts).toHaveLength(1);
  });

  it.each([401, 413])("does not send an upload again after %i", async (status) => {
    const { mistral, attempts } = client([json(status, {}), json(200, { id: FILE_ID, object: "file" })]);
    const error = await mistral.files.upload({ file: new Blob(["{}\n"]) }).catch((e: unknown) => e);
    expect((error as SDKError).statusCode).toBe(status);
    expect(attempts).toHaveLength(1);
  });

  it.each([500, 502, 504])("does not retry create after an ambiguous %i", async (status) => {
    const { mistral, attempts } = client([json(status, { message: "oops" }), ok()]);
    const error = await mistral.batch.jobs.create(createParams).catch((e: unknown) => e);
    expect((error as SDKError).statusCode).toBe(status);
    expect(attempts).toHaveLength(1);
  });

  it.each([429, 503])("retries create on %i, which proves nothing was created", async (status) => {
    const { mistral, attempts } = client([json(status, {}), ok()]);
    const result = mistral.batch.jobs.create(createParams);
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toMatchObject({ id: JOB_ID });
    expect(attempts).toHaveLength(2);
  });

  it("retries create when the connection was refused (nothing sent)", async () => {
    const { mistral, attempts } = client([refused(), ok()]);
    const result = mistral.batch.jobs.create(createParams);
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toMatchObject({ id: JOB_ID });
    expect(attempts).toHaveLength(2);
  });

  it("does not retry create when the connection dropped after sending", async () => {
    const { mistral, attempts } = client([reset(), ok()]);
    const error = await mistral.batch.jobs.create(createParams).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(attempts).toHaveLength(1);
  });

  it("retries get after a dropped connection, unless retryConnectionErrors is false", async () => {
    const retried = client([reset(), ok()]);
    const result = retried.mistral.batch.jobs.get({ job_id: JOB_ID });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toMatchObject({ id: JOB_ID });
    expect(retried.attempts).toHaveLength(2);

    const notRetried = client([reset(), ok()], { retryConfig: { strategy: "backoff", retryConnectionErrors: false } });
    await expect(notRetried.mistral.batch.jobs.get({ job_id: JOB_ID })).rejects.toBeInstanceOf(ConnectionError);
    expect(notRetried.attempts).toHaveLength(1);
  });

  it("does not retry at all with strategy none, per call", async () => {
    const { mistral, attempts } = client([json(503, {}), ok()]);
    const error = await mistral.batch.jobs
      .get({ job_id: JOB_ID }, { retries: { strategy: "none" } })
      .catch((e: unknown) => e);
    expect((error as SDKError).statusCode).toBe(503);
    expect(attempts).toHaveLength(1);
  });

  it("backs off exponentially between attempts", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const { mistral, attempts } = client([json(502, {}), json(502, {}), json(502, {}), page()], {
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 100, exponent: 3, maxInterval: 10_000 } },
    });
    const result = mistral.batch.jobs.list();
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toMatchObject({ total: 1 });
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(gaps).toEqual([100, 300, 900]);
  });
});

describe("timeouts and abort", () => {
  it("rejects with RequestTimeoutError at the deadline and sends nothing more", async () => {
    const { mistral, attempts } = client(["hang"], { timeoutMs: 5000 });
    const result = mistral.batch.jobs.get({ job_id: JOB_ID }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    const error = await result;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toBe("batch.jobs.get timed out after 5000 ms");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(1);
  });

  it("counts retries and backoff against the same deadline", async () => {
    const { mistral, attempts } = client([json(503, {}, { "Retry-After": "4" })], { timeoutMs: 10_000 });
    const result = mistral.batch.jobs.list().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toBeInstanceOf(RequestTimeoutError);
    expect(attempts).toHaveLength(3);
  });

  it.each([
    { failure: "a 503", steps: [json(503, { message: "busy" }, { "Retry-After": "4" })], cause: SDKError },
    { failure: "a dropped connection", steps: [reset()], cause: ConnectionError },
  ])("says why a call timed out while retrying: $failure travels as the cause", async ({ steps, cause }) => {
    const { mistral } = client(steps, { timeoutMs: 10_000 });
    const result = mistral.batch.jobs.list().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = (await result) as RequestTimeoutError;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.cause).toBeInstanceOf(cause);
    // The message names it too: a log line alone says why the call kept retrying.
    expect(error.message).toBe(
      `batch.jobs.list timed out after 10000 ms; last failure: ${(error.cause as Error).message}`,
    );
    if (error.cause instanceof SDKError) expect(error.cause.statusCode).toBe(503);
    else expect((error.cause as ConnectionError).cause).toBe(steps[0]);
  });

  it("rejects with RequestAbortedError when the caller aborts during a backoff wait", async () => {
    const { mistral, attempts } = client([json(503, {}, { "Retry-After": "30" }), ok()]);
    const controller = new AbortController();
    const result = mistral.batch.jobs.get({ job_id: JOB_ID }, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const error = await result;
    expect(error).toBeInstanceOf(RequestAbortedError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(1);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { mistral } = client([ok()]);
    const error = await mistral.batch.jobs
      .get({ job_id: JOB_ID }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
  });
});

describe("over a real connection", () => {
  it("retries a 429 with Retry-After: 1 about a second later", async () => {
    vi.useRealTimers();
    const server = await startRecordingServer((_, index) =>
      index === 0
        ? { status: 429, headers: { "Retry-After": "1" }, body: { message: "rate limited" } }
        : { body: batchJob() },
    );
    try {
      const mistral = new MistralBatch({ apiKey: API_KEY, serverURL: server.url });
      const startedAt = performance.now();
      await mistral.batch.jobs.get({ job_id: JOB_ID });
      const elapsed = performance.now() - startedAt;
      expect(server.requests).toHaveLength(2);
      expect(elapsed).toBeGreaterThanOrEqual(950);
    } finally {
      await server.close();
    }
  });

  it("does not retry a 500 on create by default", async () => {
    vi.useRealTimers();
    const server = await startRecordingServer(() => ({ status: 500, body: { message: "internal" } }));
    try {
      const mistral = new MistralBatch({ apiKey: API_KEY, serverURL: server.url });
      const error = await mistral.batch.jobs.create(createParams).catch((e: unknown) => e);
      expect((error as SDKError).statusCode).toBe(500);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
