import type { BatchRequest, CreateBatchJobParams } from "@mistral-batch/client";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { FileStore } from "./fileStore.js";
import type { JobRecord } from "./jobProgress.js";
import { validateBatchInput } from "./jsonl.js";

/** Timing and failure settings a new job takes from the simulator. */
export interface JobSettings {
  queueDelayMs: number;
  durationMs: number;
  cancelDelayMs: number;
  failureRate: number;
  /** Simulated ms per hour of `timeout_hours`. */
  timeoutHourMs: number;
}

/**
 * Reads (and on first use validates) the input files of a create request: 404 if missing, expired or hidden from
 * the creator, 400 if not usable.
 */
function readInputs(
  fileIds: string[],
  files: FileStore,
  creator: string | undefined,
): { inputs: Uint8Array[]; total: number } {
  const inputs: Uint8Array[] = [];
  let total = 0;
  for (const id of fileIds) {
    const file = files.find(id, creator);
    if (!file) throw SimulatedApiError.notFound("file", id);
    if (file.purpose !== "batch" || !(file.content instanceof Uint8Array)) {
      throw SimulatedApiError.api(
        400,
        `File ${id} has purpose "${file.purpose}", not "batch".`,
        "invalid_file_purpose",
      );
    }
    file.batchLines ??= validateBatchInput(id, file.content);
    inputs.push(file.content);
    total += file.batchLines;
  }
  return { inputs, total };
}

/** Builds the record of a job from a validated create body, at simulated time `now`. */
export function createJobRecord(
  params: CreateBatchJobParams,
  files: FileStore,
  settings: JobSettings,
  now: number,
  creator: string | undefined,
): JobRecord {
  const requests: BatchRequest[] | null = params.requests ?? null;
  const { inputs, total } = requests
    ? { inputs: [], total: requests.length }
    : readInputs(params.input_files ?? [], files, creator);
  return {
    id: globalThis.crypto.randomUUID(),
    endpoint: params.endpoint,
    model: params.model ?? null,
    agentId: params.agent_id ?? null,
    metadata: params.metadata ?? null,
    inputFiles: params.input_files ?? [],
    requests,
    inputs,
    total,
    creator,
    createdAt: now,
    queueDelayMs: settings.queueDelayMs,
    durationMs: settings.durationMs,
    cancelDelayMs: settings.cancelDelayMs,
    timeoutMs: (params.timeout_hours ?? 24) * settings.timeoutHourMs,
    failureRate: settings.failureRate,
    failurePlan: null,
    // Set now, so that every record has the same shape: listing reads thousands of them.
    cancelRequestedAt: undefined,
    failedAt: undefined,
    failMessage: undefined,
    outputFileId: globalThis.crypto.randomUUID(),
    errorFileId: globalThis.crypto.randomUUID(),
  };
}
