import type { BatchSimulatorOptions } from "../types.js";
import type { ClockOptions } from "./clock.js";
import type { JobSettings } from "./createJobRecord.js";
import { type FailureSettings, failureSettings } from "./lineFailures.js";

/** The options of `createBatchSimulator`, checked, with their defaults. */
export interface SimulatorSettings {
  clock: ClockOptions;
  job: JobSettings;
  /** The `failures` option; null when it makes no line fail. */
  failures: FailureSettings | null;
  maxPendingRequests: number;
  ignoreMetadataFilters: boolean;
}

/** Reads the simulator's options; a value out of range throws a `RangeError` at creation, not at first use. */
export function readSimulatorSettings(options: BatchSimulatorOptions): SimulatorSettings {
  const failureRate = options.failureRate ?? 0;
  if (!(failureRate >= 0 && failureRate <= 1))
    throw new RangeError(`failureRate must be in [0, 1], got ${failureRate}`);
  return {
    clock: { mode: options.clock ?? "manual", speed: options.speed ?? 1, start: options.startTime ?? Date.now() },
    job: {
      queueDelayMs: options.queueDelayMs ?? 1_000,
      durationMs: options.jobDurationMs ?? 10_000,
      cancelDelayMs: options.cancelDelayMs ?? 1_000,
      failureRate,
      timeoutHourMs: positive("timeoutHourMs", options.timeoutHourMs ?? 3_600_000),
    },
    failures: failureSettings(options.failures),
    maxPendingRequests: positive("maxPendingRequests", options.maxPendingRequests ?? 1_000_000),
    ignoreMetadataFilters: options.ignoreMetadataFilters ?? false,
  };
}

function positive(name: string, value: number): number {
  if (!(value > 0)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}
