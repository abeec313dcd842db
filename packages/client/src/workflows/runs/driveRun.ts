import type { MistralBatchCore } from "../../core.js";
import { RequestAbortedError, SDKError } from "../../errors.js";
import type { BatchRequest } from "../../generated/types.gen.js";
import { utf8Length } from "../../jsonl/utf8Length.js";
import { cancelBatchJob, getBatchJob } from "../../operations/batchJobs.js";
import { listFiles } from "../../operations/files.js";
import { uploadFile } from "../../operations/uploadFile.js";
import { abortableSleep } from "../../transport/abortableSleep.js";
import {
  type BatchJob,
  type CreateBatchJobParams,
  isTerminalStatus,
  MAX_INLINE_BYTES,
  MAX_INLINE_REQUESTS,
} from "../../types.js";
import { createBatchJobOnce, findBatchJobByKey } from "../createBatchJobOnce.js";
import { pollDelay } from "../pollSchedule.js";
import { isTransientError } from "../waitForBatchJob.js";
import type { RunInput } from "./createRunInput.js";
import type { RunTally } from "./createRunTally.js";
import { createInputOrder } from "./inputOrder.js";
import type { RunManifest, RunPart, RunStore } from "./RunStore.js";
import { readPartOutcomes } from "./readPartOutcomes.js";
import { readInputFiles, selectedRequests } from "./retryInput.js";
import { RunLockedError } from "./runErrors.js";
import { isRetryableResult, type RunResult } from "./runResults.js";

/** The metadata key naming the run a job belongs to (its `runId`). */
export const RUN_ID_METADATA_KEY = "run_id";
/** The metadata key naming a job's part of its run, by the part's index from 0. */
export const RUN_PART_METADATA_KEY = "run_part";

/** Everything one drive of a run needs, with every option resolved. */
export interface RunDrive {
  core: MistralBatchCore;
  store: RunStore;
  manifest: RunManifest;
  input: RunInput;
  job: Omit<CreateBatchJobParams, "input_files" | "requests">;
  signal: AbortSignal;
  cancelOnAbort: boolean;
  maxRequestsPerJob: number;
  maxFileBytes: number;
  maxPendingRequests: number;
  maxJobsInFlight: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  retryDelayMs: number;
  /** "completion" (as jobs end) or "input" (the input's order, see `createInputOrder`). */
  order: "completion" | "input";
  tally: RunTally;
}

const RETRY_DELAY_CAP_MS = 300_000;

/**
 * Drives a run to its end, yielding each request's final outcome as its job
 * finishes. It starts where the manifest says the run stands: it yields the
 * results of finished parts again, reads the input past the lines already in
 * parts, waits for live jobs, and creates each job through its idempotency key,
 * so a job whose create the last process did not record is found, not created
 * again. Between steps it submits parts while the caps allow (jobs in flight,
 * pending requests), polls live jobs with backoff, and plans a retry part for
 * each finished job with lines worth sending again.
 */
export async function* driveRun<TBody>(drive: RunDrive): AsyncGenerator<RunResult<TBody>, void, undefined> {
  const { core, manifest, input, signal, tally } = drive;
  const { parts } = manifest;
  const save = () => drive.store.save(manifest);
  const live = new Map<number, BatchJob>();
  const retryIds = new Map<number, Set<string>>();
  let inlineRequests: BatchRequest[] | undefined;
  let createBlocked = false;
  const inputOrder =
    drive.order === "input"
      ? createInputOrder<TBody>({
          core,
          parts,
          signal,
          rulesOf: (p, j) => rulesOf(p, j),
          inputsOf: (p) => partInputs(p),
        })
      : undefined;

  const keyOf = (part: RunPart) => `${manifest.runId}/${part.index}`;
  const isLive = (part: RunPart) => part.jobId !== undefined && !part.settled;
  const pendingRequests = () =>
    parts.reduce((sum, part) => sum + (isLive(part) ? (part.requests ?? drive.maxRequestsPerJob) : 0), 0);
  const liveCount = () => parts.filter(isLive).length;

  /** What a part's job was given: its file, or the run's inline requests. */
  const partInputs = (part: RunPart): AsyncIterable<BatchRequest> | Iterable<BatchRequest> =>
    part.inline ? (inlineRequests ?? []) : readInputFiles(core, part.fileId ? [part.fileId] : [], { signal });

  const rulesOf = (part: RunPart, job: BatchJob) => {
    const resend = part.attempt < manifest.maxAttempts && job.status !== "CANCELLED";
    return {
      attempt: part.attempt,
      resend: resend ? isRetryableResult : () => false,
      resendUnprocessed: resend,
      inputs: () => partInputs(part),
    };
  };

  /** Yields a finished part's final outcomes; the first time, also plans its retry part. */
  async function* settle(part: RunPart, job: BatchJob): AsyncGenerator<RunResult<TBody>, void, undefined> {
    if (part.settled && inputOrder) return; // released in order, once its slice is complete
    const outcomes = readPartOutcomes<TBody>(core, job, rulesOf(part, job), { signal });
    let next = await outcomes.next();
    for (; !next.done; next = await outcomes.next()) {
      if (inputOrder) continue;
      tally.final(next.value);
      yield next.value;
    }
    if (part.settled) return;
    const again = next.value;
    if (again.size > 0) {
      const delay = Math.min(drive.retryDelayMs * 2 ** (part.attempt - 1), RETRY_DELAY_CAP_MS);
      const retry: RunPart = {
        index: parts.length,
        attempt: part.attempt + 1,
        retryOf: part.index,
        requests: again.size,
        notBefore: Date.now() + delay,
      };
      parts.push(retry);
      retryIds.set(retry.index, again);
      tally.retried(again.size);
    }
    part.settled = true;
    await save();
    if (inputOrder) yield* inOrder();
  }

  async function* inOrder(): AsyncGenerator<RunResult<TBody>, void, undefined> {
    for await (const result of (inputOrder as ReturnType<typeof createInputOrder<TBody>>).ready()) {
      tally.final(result);
      yield result;
    }
  }

  /** The custom_ids a retry part resends: remembered, or read again from its parent's results after a restart. */
  async function idsOf(retry: RunPart): Promise<Set<string>> {
    const known = retryIds.get(retry.index);
    if (known) return known;
    const parent = parts[retry.retryOf as number] as RunPart;
    const job = await getBatchJob(core, { job_id: parent.jobId as string }, { signal });
    const outcomes = readPartOutcomes(core, job, rulesOf(parent, job), { signal });
    let next = await outcomes.next();
    while (!next.done) next = await outcomes.next();
    return next.value;
  }

  /** Uploads a part's file, unless the last process did and the manifest missed it. */
  async function uploadPart(part: RunPart, resumed: boolean): Promise<void> {
    const filename = `${manifest.runId.replace(/[^\w.-]/g, "_")}-part-${part.index}.jsonl`;
    const uploaded = resumed ? await findUpload(filename) : undefined;
    if (part.retryOf !== undefined) {
      const ids = await idsOf(part);
      const parent = parts[part.retryOf] as RunPart;
      part.fileId =
        uploaded?.id ??
        (await uploadFile(core, { file: selectedRequests(partInputs(parent), ids), filename }, { signal })).id;
      retryIds.delete(part.index);
    } else if (uploaded) {
      part.lines = uploaded.num_lines as number;
      part.fileId = uploaded.id;
      await input.skip(part.lines);
    } else {
      input.startPart();
      const content = input.part({ maxRequests: drive.maxRequestsPerJob, maxBytes: drive.maxFileBytes });
      const file = await uploadFile(core, { file: content.stream, filename }, { signal }).catch((error: unknown) => {
        throw input.invalid ?? error;
      });
      if (input.invalid) throw input.invalid;
      part.lines = content.lines();
      part.fileId = file.id;
    }
    part.requests ??= part.lines;
    manifest.inputDone ||= part.retryOf === undefined && (await input.atEnd());
    await save();
  }

  /** A file this run uploaded under `filename`, found by name. */
  async function findUpload(filename: string) {
    const { data } = await listFiles(core, { search: filename, purpose: "batch" }, { signal });
    return data.find((file) => file.filename === filename && typeof file.num_lines === "number");
  }

  /** Reads the first part: a run small enough for one inline create goes inline, as a single part. */
  async function tryInline(part: RunPart): Promise<boolean> {
    const head: BatchRequest[] = [];
    let bytes = 0;
    const maxInlineRequests = Math.min(MAX_INLINE_REQUESTS, drive.maxRequestsPerJob);
    const maxInlineBytes = Math.min(MAX_INLINE_BYTES, drive.maxFileBytes);
    input.startPart();
    for (let line = await input.next(); line; line = await input.next()) {
      head.push(line);
      bytes += utf8Length(JSON.stringify(line)) + 1;
      if (head.length > maxInlineRequests || bytes > maxInlineBytes) {
        // Too big: give the lines back to be read into files. Only the first part ever holds them.
        input.replay(head);
        return false;
      }
    }
    inlineRequests = head;
    Object.assign(part, { inline: true, lines: head.length, requests: head.length });
    manifest.inputDone = true;
    await save();
    return true;
  }

  /** Creates a part's job through its key: a job an earlier attempt or process created is found instead. */
  async function create(part: RunPart): Promise<void> {
    const metadata = {
      ...drive.job.metadata,
      [RUN_ID_METADATA_KEY]: manifest.runId,
      [RUN_PART_METADATA_KEY]: String(part.index),
    };
    const source = part.inline ? { requests: inlineRequests ?? [] } : { input_files: [part.fileId as string] };
    const job = await createBatchJobOnce(
      core,
      { ...drive.job, ...source, metadata },
      { idempotencyKey: keyOf(part), signal },
    );
    part.jobId = job.id;
    part.status = job.status;
    part.requests = job.total_requests || part.requests;
    live.set(part.index, job);
    tally.submitted(part.requests ?? 0);
    await save();
  }

  /** The next part to submit, new from the input if none waits; undefined when nothing is due. */
  async function nextPart(): Promise<{ part: RunPart; resumed: boolean } | undefined> {
    const now = Date.now();
    const waiting = parts.find((part) => part.jobId === undefined && (part.notBefore ?? 0) <= now);
    if (waiting) return { part: waiting, resumed: true };
    if (manifest.inputDone) return undefined;
    const part: RunPart = { index: parts.length, attempt: 1, firstLine: input.consumed };
    parts.push(part);
    await save();
    return { part, resumed: false };
  }

  const roomFor = (size: number) =>
    liveCount() === 0 || (liveCount() < drive.maxJobsInFlight && pendingRequests() + size <= drive.maxPendingRequests);

  /** Submits parts while the caps allow. */
  async function submit(): Promise<void> {
    while (!createBlocked && roomFor(drive.maxRequestsPerJob)) {
      const next = await nextPart();
      if (!next) return;
      const { part, resumed } = next;
      if (part.fileId === undefined && !part.inline) {
        if (part.index === 0 && !resumed && (await tryInline(part))) {
          // The whole run fits one inline create.
        } else await uploadPart(part, resumed);
      }
      if (!roomFor(part.requests ?? 0)) return;
      try {
        await create(part);
      } catch (error) {
        // The workspace's pending requests are at their cap: wait for a job of ours to end, if one runs.
        if (error instanceof SDKError && error.statusCode === 429 && liveCount() > 0) createBlocked = true;
        else throw error;
      }
    }
  }

  try {
    if (parts[0]?.inline) await readInline();
    else await input.skip(parts.reduce((sum, part) => sum + (part.fileId ? (part.lines ?? 0) : 0), 0));
    for (const part of parts) {
      if (!part.jobId) continue;
      const job = await getBatchJob(core, { job_id: part.jobId }, { signal });
      if (part.settled || isTerminalStatus(job.status)) yield* settle(part, job);
      else {
        live.set(part.index, job);
        tally.submitted(part.requests ?? 0);
      }
    }
    if (inputOrder) yield* inOrder();
    for (let quietPolls = 1; ; ) {
      if (signal.aborted) throw signal.reason;
      await submit();
      if (manifest.inputDone && parts.every((part) => part.settled)) break;
      let changed = false;
      for (const [index, last] of live) {
        const part = parts[index] as RunPart;
        const job = await getBatchJob(core, { job_id: last.id }, { signal }).catch((error: unknown) => {
          if (signal.aborted || !isTransientError(error)) throw error;
          return last;
        });
        changed ||= job.completed_requests !== last.completed_requests || job.status !== last.status;
        part.status = job.status;
        live.set(index, job);
        if (!isTerminalStatus(job.status)) continue;
        live.delete(index);
        createBlocked = false;
        yield* settle(part, job);
      }
      tally.report(parts, live, manifest.inputDone);
      quietPolls = changed ? 1 : quietPolls + 1;
      const interval = pollDelay(quietPolls, {
        intervalMs: drive.pollIntervalMs,
        maxIntervalMs: drive.maxPollIntervalMs,
      });
      const due = parts.find((part) => part.jobId === undefined && part.notBefore !== undefined);
      const wait = due ? Math.min(interval, Math.max(0, (due.notBefore as number) - Date.now())) : interval;
      if (live.size > 0 || due) await abortableSleep(wait, signal);
    }
    manifest.state = "finished";
    await save();
    tally.report(parts, live, manifest.inputDone);
  } catch (error) {
    if (!signal.aborted) throw error;
    if (signal.reason instanceof RunLockedError) throw signal.reason; // another process has the run now
    if (drive.cancelOnAbort) await cancelEverything();
    throw error instanceof RequestAbortedError
      ? error
      : new RequestAbortedError("batch.run was aborted", { cause: signal.reason });
  }

  /** The inline part's requests, read again from the input after a restart. */
  async function readInline(): Promise<void> {
    inlineRequests = [];
    for (let line = await input.next(); line; line = await input.next()) inlineRequests.push(line);
  }

  /** `cancelOnAbort`: every live job, and one whose create may have gone through unrecorded, is cancelled. */
  async function cancelEverything(): Promise<void> {
    const quiet = { retries: { strategy: "none" as const } };
    for (const part of parts) {
      if (part.settled) continue;
      const jobId = part.jobId ?? (await findBatchJobByKey(core, keyOf(part), quiet).catch(() => undefined))?.id;
      if (jobId) await cancelBatchJob(core, { job_id: jobId }, quiet).catch(() => undefined);
    }
    manifest.state = "cancelled";
    await save();
  }
}
