import type { BatchJob } from "@mistral-batch/client";
import { describe, expect, it } from "vitest";
import { formatRate, jobRate } from "./jobRate.js";

const job = (fields: Partial<BatchJob>) =>
  ({
    status: "RUNNING",
    started_at: 1_000,
    completed_at: null,
    total_requests: 100,
    completed_requests: 0,
    ...fields,
  }) as BatchJob;

describe("jobRate", () => {
  it("has nothing to say before the job starts or before a request is done", () => {
    expect(jobRate(job({ status: "QUEUED", started_at: null }), 1_010)).toBeNull();
    expect(jobRate(job({ completed_requests: 0 }), 1_010)).toBeNull();
    expect(jobRate(job({ completed_requests: 5 }), 1_000)).toBeNull();
  });

  it("gives the average pace and the time left while the job runs", () => {
    expect(jobRate(job({ completed_requests: 25 }), 1_010)).toEqual({ perSecond: 2.5, etaSeconds: 30 });
  });

  it("gives the pace from start to end, and no ETA, once the job has ended", () => {
    expect(jobRate(job({ status: "SUCCESS", completed_requests: 100, completed_at: 1_020 }), 5_000)).toEqual({
      perSecond: 5,
      etaSeconds: null,
    });
    expect(jobRate(job({ status: "CANCELLATION_REQUESTED", completed_requests: 10 }), 1_010)?.etaSeconds).toBeNull();
  });
});

describe("formatRate", () => {
  it.each([
    [250, "250 requests/s"],
    [2.5, "2.5 requests/s"],
    [0.5, "30 requests/min"],
    [0.05, "3.0 requests/min"],
  ])("writes %d requests per second as %s", (perSecond, text) => {
    expect(formatRate(perSecond)).toBe(text);
  });
});
