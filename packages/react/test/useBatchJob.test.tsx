import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useBatchJob, useCancelBatchJob } from "../src/index.js";
import { moderationJob, renderWithBatch, requestsTo, simulator } from "./support/batchApi.js";
import { elapse } from "./support/elapse.js";

/** Every status the view rendered, in order. */
const rendered: string[] = [];

function JobView({ jobId }: { jobId: string }) {
  const job = useBatchJob(jobId, { pollIntervalMs: 1000, maxPollIntervalMs: 1000 });
  const cancel = useCancelBatchJob();
  if (job.data && rendered.at(-1) !== job.data.status) rendered.push(job.data.status);
  if (job.isPending) return <p>loading</p>;
  if (job.isError) return <p role="alert">{job.error.message}</p>;
  return (
    <div>
      <p>status: {job.data.status}</p>
      <div role="progressbar" aria-valuenow={Math.round(job.progress * 100)} />
      <p>{job.isTerminal ? "finished" : "running"}</p>
      <button type="button" onClick={() => cancel.mutate({ job_id: jobId })}>
        Cancel job
      </button>
      {cancel.isError && <p role="alert">cancel failed</p>}
    </div>
  );
}

beforeEach(() => {
  rendered.length = 0;
  vi.useFakeTimers({ shouldAdvanceTime: false });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useBatchJob", () => {
  it("polls while the job runs, shows its progress, and stops at a terminal status", async () => {
    const job = simulator.createJob(moderationJob(10));
    renderWithBatch(<JobView jobId={job.id} />);
    await elapse(0);
    expect(screen.getByText("status: QUEUED")).toBeTruthy();

    await elapse(6000);
    expect(screen.getByText("status: RUNNING")).toBeTruthy();
    const midway = Number(screen.getByRole("progressbar").getAttribute("aria-valuenow"));
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(100);

    await elapse(7000);
    expect(screen.getByText("status: SUCCESS")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
    expect(screen.getByText("finished")).toBeTruthy();

    const polls = requestsTo("GET", `/v1/batch/jobs/${job.id}`);
    expect(polls).toBeGreaterThan(3);
    await elapse(60_000);
    expect(requestsTo("GET", `/v1/batch/jobs/${job.id}`)).toBe(polls);
  });

  it("sends no request after unmount", async () => {
    const job = simulator.createJob(moderationJob(10));
    const view = renderWithBatch(<JobView jobId={job.id} />);
    await elapse(3000);
    const polls = requestsTo("GET", `/v1/batch/jobs/${job.id}`);
    expect(polls).toBeGreaterThan(1);
    view.unmount();
    await elapse(60_000);
    expect(requestsTo("GET", `/v1/batch/jobs/${job.id}`)).toBe(polls);
  });

  it("shows CANCELLATION_REQUESTED at once, then CANCELLED", async () => {
    const job = simulator.createJob(moderationJob(10));
    renderWithBatch(<JobView jobId={job.id} />);
    await elapse(2000);
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs/:job_id/cancel", kind: "delay", delay_ms: 500 });
    fireEvent.click(screen.getByRole("button", { name: "Cancel job" }));
    await elapse(0);
    expect(screen.getByText("status: CANCELLATION_REQUESTED")).toBeTruthy();
    await elapse(5000);
    expect(screen.getByText("status: CANCELLED")).toBeTruthy();
    expect(simulator.getJob(job.id).status).toBe("CANCELLED");
  });

  it("rolls the optimistic cancel back when the API answers 500", async () => {
    const job = simulator.createJob(moderationJob(10));
    const view = renderWithBatch(<JobView jobId={job.id} />);
    await elapse(2000);
    const cached: string[] = [];
    view.queryClient.getQueryCache().subscribe(({ query }) => {
      const status = (query.state.data as { status?: string } | undefined)?.status;
      if (query.queryKey[2] === "detail" && status && cached.at(-1) !== status) cached.push(status);
    });
    simulator.faults.add({ method: "POST", path: "/v1/batch/jobs/:job_id/cancel", status: 500 });
    fireEvent.click(screen.getByRole("button", { name: "Cancel job" }));
    await elapse(10);
    expect(cached).toEqual(["CANCELLATION_REQUESTED", "RUNNING"]);
    expect(screen.getByRole("alert").textContent).toBe("cancel failed");
    expect(screen.getByText("status: RUNNING")).toBeTruthy();
    expect(view.queryClient.getQueryData<{ status: string }>(["mistral-batch", "jobs", "detail", job.id])?.status).toBe(
      "RUNNING",
    );
    expect(simulator.getJob(job.id).status).toBe("RUNNING");
  });
});
