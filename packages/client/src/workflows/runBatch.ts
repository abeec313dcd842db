import type { MistralBatchCore } from "../core.js";
import { InvalidRequestError, RequestAbortedError } from "../errors.js";
import { definedOnly } from "../internal/definedOnly.js";
import { validateBatchRequests } from "../jsonl/validateBatchRequests.js";
import type { ApiEndpoint, CreateBatchJobParams } from "../types.js";
import { DEFAULT_POLL_SCHEDULE } from "./pollSchedule.js";
import { type BatchRunRequests, createRunInput } from "./runs/createRunInput.js";
import { createRunTally, type RunProgress } from "./runs/createRunTally.js";
import { driveRun } from "./runs/driveRun.js";
import { createMemoryRunStore, type RunManifest, type RunStore } from "./runs/RunStore.js";
import { RunCancelledError, RunLockedError } from "./runs/runErrors.js";
import { createRunSummary, type RunPrices, type RunResult, type RunSummary } from "./runs/runResults.js";

/** Parameters of `batch.run`: one endpoint and one model for every request. */
export interface RunBatchParams extends Omit<CreateBatchJobParams, "input_files" | "requests" | "endpoint"> {
  endpoint: ApiEndpoint;
  /** Request objects (array or (async) iterable, read as the run goes), or a JSONL file as a Blob/File. */
  requests: BatchRunRequests;
}

/** Options of `batch.run`. */
export interface RunBatchOptions {
  /** Names the run: the same id and store after a crash resume it. Defaults to a random UUID. */
  runId?: string | undefined;
  /** Where the manifest lives. Defaults to a store in memory; `createFileRunStore` from `./node` survives a crash. */
  store?: RunStore | undefined;
  /** Tries of a request whose failure is worth retrying (408, 429, 5XX, no answer, not run). Default 3. */
  maxAttempts?: number | undefined;
  /** The pause before the first round of retries, doubled each round up to 5 minutes. Default 5,000 ms. */
  retryDelayMs?: number | undefined;
  /** Called as the run's requests are submitted and end, with the run's counts so far. */
  onProgress?: ((progress: RunProgress) => void) | undefined;
  /** Stops the run; a later `run` with the same id resumes it, unless `cancelOnAbort` cancelled it. */
  signal?: AbortSignal | undefined;
  /** When `signal` aborts, cancel every job of the run, and record the run as cancelled. */
  cancelOnAbort?: boolean | undefined;
  /**
   * Requests per job. Default 100,000: the "known limitations" page's figure. The batch guide's FAQ says 1M per
   * job; the lower figure holds under both.
   */
  maxRequestsPerJob?: number | undefined;
  /** Bytes per input file. Default 512 MB (536,870,912), the limit the upload's description and the docs give. */
  maxFileBytes?: number | undefined;
  /** Requests of the run in jobs not yet ended. Default 1,000,000, the pending requests per workspace in the FAQ. */
  maxPendingRequests?: number | undefined;
  /** Jobs of the run not yet ended. Default 8. */
  maxJobsInFlight?: number | undefined;
  /** The first pause between polls of the live jobs, growing 1.5 times while nothing changes. Default 1,000 ms. */
  pollIntervalMs?: number | undefined;
  /** The longest pause between polls. Default 10,000 ms (`DEFAULT_POLL_SCHEDULE`). */
  maxPollIntervalMs?: number | undefined;
  /** How long the run's lease lasts without renewal: a process killed outright blocks the run this long. Default 30,000 ms. */
  leaseMs?: number | undefined;
  /**
   * "completion" (the default): results as their jobs end. "input": in the order of the input, each slice once its
   * job and its retries have ended, holding at most one job's results (and reading each job's results twice).
   */
  order?: "completion" | "input" | undefined;
  /** Prices per million tokens, for `summary().cost`. */
  prices?: RunPrices | undefined;
}

/** A started run: read its results once; `summary()` reads them itself if nothing else does. */
export interface RunBatchResult<TBody = unknown> {
  runId: string;
  /** Every request's final outcome, once each, as its job finishes; a resumed run yields them all again. */
  results: AsyncIterable<RunResult<TBody>>;
  /** Resolves once every result is in. */
  summary(): Promise<RunSummary>;
}

const DEFAULTS = {
  maxAttempts: 3,
  retryDelayMs: 5_000,
  maxRequestsPerJob: 100_000,
  maxFileBytes: 536_870_912,
  maxPendingRequests: 1_000_000,
  maxJobsInFlight: 8,
  leaseMs: 30_000,
  order: "completion" as "completion" | "input",
};

/**
 * Runs a workload of any size through the batch API, durably. The requests
 * are read as they are needed and split into jobs by request count and file
 * bytes (a run small enough goes inline as one job), submitted under caps on
 * jobs and pending requests, polled, and read as they finish; lines that
 * failed for a reason worth retrying are sent again in new jobs with the same
 * custom_ids, up to `maxAttempts`. Every step is recorded in `store` before
 * and after it changes anything, and every job is created through its own
 * idempotency key: after a crash, `run` with the same `runId` and store (and
 * the same requests) picks up where the last process stopped and creates no
 * job twice. One process drives a run at a time: a second gets a
 * `RunLockedError`.
 *
 * @example
 * const run = await runBatch(core, { endpoint: "/v1/embeddings", model: "mistral-embed", requests }, { runId: "nightly" });
 * for await (const result of run.results) console.log(result.custom_id, result.response?.status_code, result.attempts);
 * console.log(await run.summary());
 */
export async function runBatch<TBody = unknown>(
  core: MistralBatchCore,
  params: RunBatchParams,
  options: RunBatchOptions = {},
): Promise<RunBatchResult<TBody>> {
  const { requests, endpoint, ...job } = params;
  // The poll schedule's defaults are read here, not in DEFAULTS: a module-level read would ride in every bundle.
  const schedule = {
    pollIntervalMs: DEFAULT_POLL_SCHEDULE.intervalMs,
    maxPollIntervalMs: DEFAULT_POLL_SCHEDULE.maxIntervalMs,
  };
  const settings = { ...DEFAULTS, ...schedule, ...definedOnly(options) };
  const { runId = crypto.randomUUID(), store = createMemoryRunStore(), signal: callerSignal } = options;
  if (typeof runId !== "string" || !/^[\w.:-]{1,200}$/.test(runId)) {
    throw new InvalidRequestError("runId", "expected 1 to 200 letters, digits, '_', '-', '.' or ':'");
  }
  for (const name of [
    "maxAttempts",
    "maxRequestsPerJob",
    "maxFileBytes",
    "maxPendingRequests",
    "maxJobsInFlight",
  ] as const) {
    if (!Number.isInteger(settings[name]) || settings[name] < 1)
      throw new InvalidRequestError(name, "expected a positive integer");
  }
  if (callerSignal?.aborted) throw new RequestAbortedError("batch.run was aborted", { cause: callerSignal.reason });
  // What is already whole is checked whole, duplicates across parts included, before anything is sent.
  if (Array.isArray(requests) || requests instanceof Blob) await validateBatchRequests(requests);

  const holder = crypto.randomUUID();
  if (!(await store.acquireLease(runId, holder, settings.leaseMs))) throw new RunLockedError(runId);
  const lost = new AbortController();
  const renew = setInterval(() => {
    store.acquireLease(runId, holder, settings.leaseMs).then(
      (held) => held || lost.abort(new RunLockedError(runId)),
      () => {}, // a failed renewal is tried again; the lease outlives two misses
    );
  }, settings.leaseMs / 3);
  (renew as { unref?: () => void }).unref?.();
  const release = async () => {
    clearInterval(renew);
    await store.releaseLease(runId, holder).catch(() => {});
  };

  let manifest: RunManifest | undefined;
  try {
    manifest = await store.load(runId);
    if (manifest?.state === "cancelled") throw new RunCancelledError(runId);
    const model = job.model ?? null;
    if (manifest && (manifest.endpoint !== endpoint || manifest.model !== model)) {
      throw new InvalidRequestError(
        "runId",
        `run ${runId} runs ${manifest.endpoint} on ${manifest.model}, not ${endpoint} on ${model}`,
      );
    }
    manifest ??= {
      version: 1,
      runId,
      endpoint,
      model,
      maxAttempts: settings.maxAttempts,
      state: "running",
      inputDone: false,
      parts: [],
    };
    await store.save(manifest);
  } catch (error) {
    await release();
    throw error;
  }

  const summary = createRunSummary(options.prices);
  const signal = callerSignal ? AbortSignal.any([callerSignal, lost.signal]) : lost.signal;
  const drive = driveRun<TBody>({
    ...settings,
    core,
    store,
    manifest,
    input: createRunInput(requests),
    job: { ...job, endpoint },
    signal,
    cancelOnAbort: options.cancelOnAbort ?? false,
    tally: createRunTally(runId, options.onProgress),
  });
  let started = false;
  let ended: Promise<RunSummary> | undefined;
  let finish: { resolve(summary: RunSummary): void; reject(error: unknown): void } | undefined;
  const done = new Promise<RunSummary>((resolve, reject) => {
    finish = { resolve, reject };
  });
  done.catch(() => {}); // read through summary() or results; an unread failure is not unhandled

  async function* results(): AsyncGenerator<RunResult<TBody>, void, undefined> {
    if (started) throw new InvalidRequestError("results", "a run's results can be read once; use summary() for totals");
    started = true;
    try {
      for await (const result of drive) {
        summary.add(result);
        yield result;
      }
      finish?.resolve(summary.read());
    } catch (error) {
      finish?.reject(lost.signal.aborted ? lost.signal.reason : error);
      throw lost.signal.aborted ? lost.signal.reason : error;
    } finally {
      await release();
      finish?.reject(new RequestAbortedError("batch.run: its results were left unread part-way"));
    }
  }
  const iterable = results();
  return {
    runId,
    results: iterable,
    summary() {
      ended ??= started
        ? done
        : (async () => {
            for await (const _ of iterable);
            return done;
          })();
      return ended;
    },
  };
}
