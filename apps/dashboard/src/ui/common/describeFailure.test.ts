import { ConnectionError, SDKError } from "@mistral-batch/client";
import { describe, expect, it } from "vitest";
import { describeFailure } from "./describeFailure.js";

const sdkError = (statusCode: number, message: string) =>
  new SDKError(`HTTP ${statusCode}`, { statusCode, body: { message }, headers: new Headers() });

describe("describeFailure", () => {
  it("says the Mistral API is out of reach when the proxy answers 502 or 504", () => {
    expect(describeFailure(sdkError(502, "Could not reach the Mistral API"), "the jobs")).toEqual({
      title: "Cannot reach the Mistral API.",
      detail: "Could not reach the Mistral API (HTTP 502)",
      transient: true,
    });
    expect(describeFailure(sdkError(504, "The Mistral API did not answer in time"), "the jobs").title).toBe(
      "Cannot reach the Mistral API.",
    );
  });

  it("says the dashboard server is out of reach when the connection itself fails", () => {
    const error = new ConnectionError("Failed to fetch", { cause: new TypeError("Failed to fetch") });
    expect(describeFailure(error, "the jobs")).toMatchObject({
      title: "Cannot reach the dashboard server.",
      transient: true,
    });
  });

  it("names what could not be loaded for other failures", () => {
    expect(describeFailure(sdkError(403, "Forbidden"), "the job")).toEqual({
      title: "Could not load the job.",
      detail: "Forbidden (HTTP 403)",
      transient: false,
    });
    expect(describeFailure(sdkError(503, "Busy"), "the jobs").transient).toBe(true);
  });
});
