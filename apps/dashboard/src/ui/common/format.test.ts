import type { BatchJob } from "@mistral-batch/client";
import { SDKError } from "@mistral-batch/client";
import { describe, expect, it } from "vitest";
import { errorMessage, formatSeconds, formatTime, jobDuration } from "./format.js";

describe("formatting", () => {
  it.each([
    [0, "0s"],
    [59.4, "59s"],
    [65, "1m 05s"],
    [3599, "59m 59s"],
    [7620, "2h 07m"],
    [-3, "0s"],
  ])("formats %d seconds as %s", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it("measures a job from its start to its end, or to now while it runs", () => {
    const job = { started_at: 100, completed_at: null } as BatchJob;
    expect(jobDuration({ ...job, started_at: null })).toBe("—");
    expect(jobDuration(job, 142)).toBe("42s");
    expect(jobDuration({ ...job, completed_at: 220 }, 10_000)).toBe("2m 00s");
  });

  it("shows a missing instant as a dash", () => {
    expect(formatTime(null)).toBe("—");
    expect(formatTime(0)).not.toBe("—");
  });

  it("prefers the API's message and status in error texts", () => {
    const error = new SDKError("HTTP 404", {
      statusCode: 404,
      body: { message: "No such job" },
      headers: new Headers(),
    });
    expect(errorMessage(error)).toBe("No such job (HTTP 404)");
    expect(errorMessage(new Error("offline"))).toBe("offline");
    expect(errorMessage("plain")).toBe("plain");
  });
});
