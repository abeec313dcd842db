import type { BatchJob } from "@mistral-batch/client";
import { RUN_ID_METADATA_KEY } from "@mistral-batch/client";
import { describe, expect, it } from "vitest";
import { groupRuns, runStatus, runTotals } from "./groupRuns.js";

const job = (id: string, fields: Partial<BatchJob> = {}, runId?: string) =>
  ({
    id,
    status: "SUCCESS",
    created_at: 100,
    started_at: 110,
    completed_at: 150,
    total_requests: 10,
    completed_requests: 10,
    succeeded_requests: 9,
    failed_requests: 1,
    metadata: runId ? { [RUN_ID_METADATA_KEY]: runId, owner: "alice" } : { owner: "alice" },
    ...fields,
  }) as BatchJob;

describe("groupRuns", () => {
  it("keeps lone jobs as they are and gathers each run's jobs where its first one stands", () => {
    const a = job("a");
    const r1 = job("r1", {}, "run-x");
    const b = job("b");
    const r2 = job("r2", {}, "run-x");
    const s1 = job("s1", {}, "run-y");
    expect(groupRuns([a, r1, b, r2, s1])).toEqual([
      { kind: "job", job: a },
      { kind: "run", runId: "run-x", jobs: [r1, r2] },
      { kind: "job", job: b },
      { kind: "run", runId: "run-y", jobs: [s1] },
    ]);
  });

  it("ignores an empty or non-string run id", () => {
    const odd = [job("a", { metadata: { [RUN_ID_METADATA_KEY]: "" } }), job("b", { metadata: null })];
    expect(groupRuns(odd).map((item) => item.kind)).toEqual(["job", "job"]);
  });
});

describe("runStatus", () => {
  it.each([
    [["SUCCESS", "RUNNING", "QUEUED"], "RUNNING"],
    [["SUCCESS", "QUEUED"], "QUEUED"],
    [["CANCELLATION_REQUESTED", "CANCELLED"], "CANCELLATION_REQUESTED"],
    [["SUCCESS", "SUCCESS"], "SUCCESS"],
    [["SUCCESS", "CANCELLED", "TIMEOUT_EXCEEDED"], "TIMEOUT_EXCEEDED"],
    [["FAILED", "SUCCESS"], "FAILED"],
  ])("of jobs %j is %s", (statuses, status) => {
    expect(runStatus(statuses.map((s, i) => job(String(i), { status: s as BatchJob["status"] })))).toBe(status);
  });
});

describe("runTotals", () => {
  it("sums the counts and spans the run from its first creation to its last end", () => {
    const jobs = [job("a", { created_at: 90, completed_at: 140 }), job("b", { started_at: 105, completed_at: 170 })];
    expect(runTotals(jobs)).toEqual({
      total_requests: 20,
      completed_requests: 20,
      succeeded_requests: 18,
      failed_requests: 2,
      created_at: 90,
      started_at: 105,
      completed_at: 170,
    });
  });

  it("has no end while a job runs, and no start before one starts", () => {
    const jobs = [job("a", { status: "QUEUED", started_at: null, completed_at: null })];
    expect(runTotals(jobs)).toMatchObject({ started_at: null, completed_at: null });
  });
});
