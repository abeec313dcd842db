import { describe, expect, it } from "vitest";
import { readSimulatorSettings } from "./simulatorSettings.js";

describe("readSimulatorSettings", () => {
  it("fills in the documented defaults", () => {
    const settings = readSimulatorSettings({ startTime: 5 });
    expect(settings).toEqual({
      clock: { mode: "manual", speed: 1, start: 5 },
      job: { queueDelayMs: 1_000, durationMs: 10_000, cancelDelayMs: 1_000, failureRate: 0, timeoutHourMs: 3_600_000 },
      failures: null,
      maxPendingRequests: 1_000_000,
      ignoreMetadataFilters: false,
    });
  });

  it.each([
    [{ failureRate: 1.5 }, /failureRate must be in \[0, 1\]/],
    [{ failureRate: Number.NaN }, /failureRate/],
    [{ timeoutHourMs: 0 }, /timeoutHourMs must be a positive number/],
    [{ maxPendingRequests: -1 }, /maxPendingRequests must be a positive number/],
    [{ failures: { permanent: 2 } }, /failures.permanent/],
  ])("refuses %o with a RangeError", (options, message) => {
    expect(() => readSimulatorSettings(options)).toThrow(RangeError);
    expect(() => readSimulatorSettings(options)).toThrow(message);
  });
});
