import { describe, expect, it } from "vitest";
import { statusMix } from "./statusMix.js";

describe("statusMix", () => {
  it("counts each status in the order of a job's life, leaving out the absent ones", () => {
    const jobs = ["SUCCESS", "RUNNING", "FAILED", "SUCCESS", "QUEUED"].map((status) => ({ status }));
    expect(statusMix(jobs)).toEqual([
      { status: "QUEUED", count: 1 },
      { status: "RUNNING", count: 1 },
      { status: "SUCCESS", count: 2 },
      { status: "FAILED", count: 1 },
    ]);
  });

  it("puts a status the API adds later at the end, and is empty for no jobs", () => {
    expect(statusMix([{ status: "PAUSED" }, { status: "SUCCESS" }])).toEqual([
      { status: "SUCCESS", count: 1 },
      { status: "PAUSED", count: 1 },
    ]);
    expect(statusMix([])).toEqual([]);
  });
});
