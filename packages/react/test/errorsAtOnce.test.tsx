import { cleanup, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { useBatchJobs } from "../src/index.js";
import { renderWithBatch, server } from "./support/batchApi.js";

afterEach(cleanup);

function JobList() {
  const jobs = useBatchJobs();
  if (jobs.isError) return <p role="alert">{jobs.error.message}</p>;
  if (jobs.failureReason) {
    return <p role="status">{`${jobs.failureReason.message}${jobs.isFetching ? " (retrying)" : ""}`}</p>;
  }
  return <p>{jobs.isPending ? "Loading jobs..." : `${jobs.data.total} jobs`}</p>;
}

const unreachable = () =>
  HttpResponse.json(
    { object: "error", message: "Could not reach the Mistral API", type: "upstream_error" },
    { status: 502 },
  );

describe("errors reach the hooks as soon as they are known", () => {
  it("shows a proxy's 502 after its first attempt, while it is retried, and recovers", async () => {
    let failures = 0;
    server.use(http.get("https://api.mistral.ai/v1/batch/jobs", () => (failures++ < 2 ? unreachable() : undefined)));
    const started = Date.now();
    renderWithBatch(<JobList />, { retry: true });
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toMatch(/Could not reach the Mistral API \(retrying\)/),
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    await waitFor(() => expect(screen.getByText("0 jobs")).toBeTruthy(), { timeout: 10_000 });
    expect(failures).toBe(3);
  });

  it("does not retry a 4XX: it is the query's error at once", async () => {
    let calls = 0;
    server.use(
      http.get("https://api.mistral.ai/v1/batch/jobs", () => {
        calls++;
        return HttpResponse.json(
          { object: "error", message: "Invalid key", type: "authentication_error" },
          { status: 401 },
        );
      }),
    );
    renderWithBatch(<JobList />, { retry: true });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/Invalid key|401/));
    expect(calls).toBe(1);
  });
});
