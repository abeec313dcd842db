import type { BatchJob } from "@mistral-batch/client";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { batchKeys, useBatchResults, useCancelBatchJob, useDeleteBatchJob } from "../src/index.js";
import { moderationJob, renderWithBatch, simulator } from "./support/batchApi.js";

afterEach(cleanup);

/** A finished job of `count` requests from a file, for outputs large enough to take a while to read. */
function finishedFileJob(count: number): BatchJob {
  const lines = moderationJob(count).requests.map((request) => JSON.stringify(request));
  const file = simulator.uploadFile({ filename: "in.jsonl", content: `${lines.join("\n")}\n`, purpose: "batch" });
  const { id } = simulator.createJob({
    endpoint: "/v1/moderations",
    model: "mistral-small-latest",
    input_files: [file.id],
  });
  simulator.clock.advance(60_000);
  return simulator.getJob(id);
}

function RowCount({ job }: { job: BatchJob }) {
  const results = useBatchResults(job, { pageSize: 50_000 });
  return <p>{`${job.id}: ${results.rows.length} rows${results.isStreaming ? " (reading)" : ""}`}</p>;
}

function Deleter({ job }: { job: BatchJob }) {
  const [showResults, setShowResults] = useState(true);
  const remove = useDeleteBatchJob();
  return (
    <div>
      {showResults && <RowCount job={job} />}
      <button type="button" onClick={() => setShowResults(false)}>
        Close results
      </button>
      <button type="button" onClick={() => remove.mutate({ job_id: job.id })}>
        Delete
      </button>
      {remove.isSuccess && <p>deleted</p>}
    </div>
  );
}

function CancelOther({ reading, other }: { reading: BatchJob; other: string }) {
  const cancel = useCancelBatchJob();
  return (
    <div>
      <RowCount job={reading} />
      <button type="button" onClick={() => cancel.mutate({ job_id: other })}>
        Cancel the other job
      </button>
      {cancel.isSuccess && <p>cancelled</p>}
    </div>
  );
}

describe("the cache after a mutation", () => {
  it("drops every page of a deleted job's results", async () => {
    const job = finishedFileJob(300);
    const view = renderWithBatch(<Deleter job={job} />);
    await waitFor(() => expect(screen.getByText(`${job.id}: 300 rows`)).toBeTruthy());
    fireEvent.click(screen.getByText("Close results"));
    expect(view.queryClient.getQueryCache().findAll({ queryKey: batchKeys.results(job.id) })).toHaveLength(1);
    fireEvent.click(screen.getByText("Delete"));
    await waitFor(() => expect(screen.getByText("deleted")).toBeTruthy());
    expect(view.queryClient.getQueryCache().findAll({ queryKey: batchKeys.results(job.id) })).toEqual([]);
  });

  it("a cancel leaves other jobs' result streams reading", { timeout: 30_000 }, async () => {
    const reading = finishedFileJob(20_000);
    const running = simulator.createJob(moderationJob(5));
    renderWithBatch(<CancelOther reading={reading} other={running.id} />);
    await waitFor(() =>
      expect(screen.getByText(new RegExp(`^${reading.id}: [1-9]\\d* rows \\(reading\\)$`))).toBeTruthy(),
    );
    fireEvent.click(screen.getByText("Cancel the other job"));
    await waitFor(() => expect(screen.getByText("cancelled")).toBeTruthy());
    await waitFor(() => expect(screen.getByText(`${reading.id}: 20000 rows`)).toBeTruthy(), { timeout: 20_000 });
  });
});
