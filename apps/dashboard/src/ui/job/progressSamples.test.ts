import type { BatchJob } from "@mistral-batch/client";
import { describe, expect, it } from "vitest";
import { addSample, chartSamples, MAX_SAMPLES, type ProgressSample } from "./progressSamples.js";

const job = (completed: number, failed = 0, fields: Partial<BatchJob> = {}) =>
  ({
    status: "RUNNING",
    started_at: 100,
    completed_at: null,
    total_requests: 50,
    completed_requests: completed,
    failed_requests: failed,
    ...fields,
  }) as BatchJob;

describe("addSample", () => {
  it("adds a sample when the counts change, and only then", () => {
    let samples: ProgressSample[] = [];
    samples = addSample(samples, job(0), 101);
    samples = addSample(samples, job(0), 102);
    samples = addSample(samples, job(10, 1), 103);
    samples = addSample(samples, job(10, 1), 104);
    expect(samples).toEqual([
      { t: 101, completed: 0, failed: 0 },
      { t: 103, completed: 10, failed: 1 },
    ]);
  });

  it("thins the older half past the cap, keeping the first and the latest", () => {
    let samples: ProgressSample[] = [];
    for (let i = 1; i <= MAX_SAMPLES + 1; i++) samples = addSample(samples, job(i), 100 + i);
    expect(samples.length).toBeLessThanOrEqual(MAX_SAMPLES);
    expect(samples.at(-1)).toEqual({ t: 100 + MAX_SAMPLES + 1, completed: MAX_SAMPLES + 1, failed: 0 });
    expect(samples.map((s) => s.t)).toEqual([...samples.map((s) => s.t)].sort((a, b) => a - b));
  });
});

describe("chartSamples", () => {
  it("is empty before the job starts", () => {
    expect(chartSamples([], job(0, 0, { started_at: null, status: "QUEUED" }), 100)).toEqual([]);
  });

  it("runs from the start at 0 through what was seen to now", () => {
    const seen = [
      { t: 99, completed: 0, failed: 0 },
      { t: 104, completed: 10, failed: 1 },
    ];
    expect(chartSamples(seen, job(20, 2), 108)).toEqual([
      { t: 100, completed: 0, failed: 0 },
      { t: 104, completed: 10, failed: 1 },
      { t: 108, completed: 20, failed: 2 },
    ]);
  });

  it("ends at the job's end once it has ended, leaving out what came after", () => {
    const done = job(50, 5, { status: "SUCCESS", completed_at: 120 });
    expect(chartSamples([{ t: 130, completed: 50, failed: 5 }], done, 500)).toEqual([
      { t: 100, completed: 0, failed: 0 },
      { t: 120, completed: 50, failed: 5 },
    ]);
  });
});
