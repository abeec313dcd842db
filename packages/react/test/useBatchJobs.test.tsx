import type { ListBatchJobsParams } from "@mistral-batch/client";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useBatchJobs, useCreateBatchJob, useDeleteBatchJob } from "../src/index.js";
import { moderationJob, renderWithBatch, requestsTo, simulator } from "./support/batchApi.js";
import { elapse } from "./support/elapse.js";

function JobsTable({ params }: { params: ListBatchJobsParams }) {
  const [page, setPage] = useState(0);
  const jobs = useBatchJobs({ ...params, page }, { pollIntervalMs: 1000, maxPollIntervalMs: 1000 });
  const create = useCreateBatchJob();
  const remove = useDeleteBatchJob();
  if (jobs.isPending) return <p>loading</p>;
  if (jobs.isError) return <p role="alert">{jobs.error.message}</p>;
  return (
    <div>
      <p>
        total {jobs.data.total}, page {page}
        {jobs.isPlaceholderData ? " (previous)" : ""}
      </p>
      <ul>
        {jobs.data.data?.map((job) => (
          <li key={job.id}>
            {job.metadata?.name as string}: {job.status}
            <button type="button" onClick={() => remove.mutate({ job_id: job.id })}>
              Delete {job.metadata?.name as string}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setPage(page + 1)}>
        Next page
      </button>
      <button type="button" onClick={() => create.mutate({ ...moderationJob(1), metadata: { name: "new" } })}>
        Create job
      </button>
    </div>
  );
}

const createNamed = (name: string) => simulator.createJob({ ...moderationJob(2), metadata: { name } });

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: false });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useBatchJobs", () => {
  it("refetches while a listed job runs and stops once all are terminal", async () => {
    createNamed("one");
    renderWithBatch(<JobsTable params={{ page_size: 10 }} />);
    await elapse(0);
    expect(screen.getByText("one: QUEUED")).toBeTruthy();
    await elapse(12_000);
    expect(screen.getByText("one: SUCCESS")).toBeTruthy();
    const lists = requestsTo("GET", "/v1/batch/jobs");
    expect(lists).toBeGreaterThan(5);
    await elapse(30_000);
    expect(requestsTo("GET", "/v1/batch/jobs")).toBe(lists);
  });

  it("keeps the previous page on screen while the next one loads", async () => {
    createNamed("old");
    simulator.clock.advance(1000);
    createNamed("new");
    renderWithBatch(<JobsTable params={{ page_size: 1 }} />);
    await elapse(0);
    expect(screen.getByText("new: QUEUED")).toBeTruthy();
    simulator.faults.add({ method: "GET", path: "/v1/batch/jobs", kind: "delay", delay_ms: 2000 });
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    await elapse(0);
    expect(screen.getByText("total 2, page 1 (previous)")).toBeTruthy();
    expect(screen.getByText("new: QUEUED")).toBeTruthy();
    await elapse(1750);
    expect(screen.getByText("total 2, page 1 (previous)")).toBeTruthy();
    await elapse(5000);
    expect(screen.getByText("total 2, page 1")).toBeTruthy();
    expect(screen.getByText(/^old: /)).toBeTruthy();
  });

  it("refetches every list after a create, showing the new job", async () => {
    createNamed("first");
    simulator.clock.advance(20_000);
    renderWithBatch(<JobsTable params={{}} />);
    await elapse(0);
    const before = requestsTo("GET", "/v1/batch/jobs");
    fireEvent.click(screen.getByRole("button", { name: "Create job" }));
    await elapse(0);
    expect(requestsTo("POST", "/v1/batch/jobs")).toBe(1);
    expect(requestsTo("GET", "/v1/batch/jobs")).toBe(before + 1);
    expect(screen.getByText("new: QUEUED")).toBeTruthy();
    expect(screen.getByText("total 2, page 0")).toBeTruthy();
  });

  it("removes a deleted job from the list at once", async () => {
    const done = createNamed("done");
    simulator.clock.advance(20_000);
    createNamed("kept");
    simulator.clock.advance(20_000);
    const view = renderWithBatch(<JobsTable params={{}} />);
    await elapse(0);
    view.queryClient.setQueryData(["mistral-batch", "jobs", "detail", done.id], done);
    fireEvent.click(screen.getByRole("button", { name: "Delete done" }));
    await elapse(0);
    expect(screen.queryByText(/^done: /)).toBeNull();
    expect(screen.getByText("kept: SUCCESS")).toBeTruthy();
    expect(view.queryClient.getQueryData(["mistral-batch", "jobs", "detail", done.id])).toBeUndefined();
    expect(requestsTo("DELETE", `/v1/batch/jobs/${done.id}`)).toBe(1);
  });
});
