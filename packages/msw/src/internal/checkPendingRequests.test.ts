import { describe, expect, it } from "vitest";
import { thrown } from "../../test/fixtures.js";
import { checkPendingRequests } from "./checkPendingRequests.js";
import { createClock } from "./clock.js";
import { createJobRecord } from "./createJobRecord.js";
import { FileStore } from "./fileStore.js";

const clock = createClock({ mode: "manual", speed: 1, start: 0 });
const settings = {
  queueDelayMs: 1_000,
  durationMs: 10_000,
  cancelDelayMs: 1_000,
  failureRate: 0,
  timeoutHourMs: 3_600_000,
};

/** A job of `total` inline requests created at `createdAt`. */
function job(total: number, createdAt: number) {
  const requests = Array.from({ length: total }, () => ({ body: {} }));
  return createJobRecord(
    { endpoint: "/v1/moderations", requests },
    new FileStore(clock),
    settings,
    createdAt,
    undefined,
  );
}

describe("checkPendingRequests", () => {
  it("accepts a job that reaches the limit exactly and refuses one that passes it with a 429", () => {
    const jobs = [job(6, 0)];
    expect(() => checkPendingRequests(jobs, 4, 0, 10)).not.toThrow();
    expect(thrown(() => checkPendingRequests(jobs, 5, 0, 10))).toMatchObject({
      status: 429,
      body: { code: "too_many_pending_requests", type: "rate_limited" },
    });
  });

  it("counts a job until it is finished, a cancellation under way included", () => {
    const cancelling = job(6, 0);
    cancelling.cancelRequestedAt = 2_000;
    expect(() => checkPendingRequests([cancelling], 5, 2_500, 10)).toThrow();
    expect(() => checkPendingRequests([cancelling], 5, 3_000, 10)).not.toThrow();
    expect(() => checkPendingRequests([job(6, 0)], 5, 11_000, 10)).not.toThrow();
  });
});
