import type { BatchJob } from "@mistral-batch/client";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useBatchResults, useUploadBatchFile } from "../src/index.js";
import { moderationJob, renderWithBatch, requestsTo, simulator } from "./support/batchApi.js";

function Results({ job, page, pageSize }: { job: BatchJob; page?: number; pageSize?: number }) {
  const results = useBatchResults(job, { page, pageSize });
  return (
    <div>
      <p>
        {results.rows.length} rows{results.hasMore ? ", more" : ""}
        {results.isStreaming ? " (reading)" : ""}
      </p>
      <ol>
        {results.rows.map((row) => (
          <li key={row.custom_id}>{row.custom_id}</li>
        ))}
      </ol>
    </div>
  );
}

/** Only the count, for pages too large to render row by row. */
function RowCount({ job }: { job: BatchJob }) {
  const results = useBatchResults(job, { pageSize: 50_000 });
  return (
    <p>
      {results.rows.length} rows{results.isStreaming ? " (reading)" : ""}
    </p>
  );
}

/** A finished job of `count` moderation requests. */
function finishedJob(count: number): BatchJob {
  const { id } = simulator.createJob(moderationJob(count));
  simulator.clock.advance(60_000);
  return simulator.getJob(id);
}

/** A finished job of `count` requests uploaded as a JSONL file, for outputs too large to send inline. */
function finishedFileJob(count: number): BatchJob {
  const lines = moderationJob(count).requests.map((request) => JSON.stringify(request));
  const file = simulator.uploadFile({ filename: "big.jsonl", content: `${lines.join("\n")}\n`, purpose: "batch" });
  const { id } = simulator.createJob({
    endpoint: "/v1/moderations",
    model: "mistral-small-latest",
    input_files: [file.id],
  });
  simulator.clock.advance(60_000);
  return simulator.getJob(id);
}

afterEach(cleanup);

describe("useBatchResults", () => {
  it("streams rows in as they are read, in the order they arrive", async () => {
    const job = finishedJob(250);
    const view = renderWithBatch(<Results job={job} />);
    const sizes: number[] = [];
    view.queryClient.getQueryCache().subscribe(({ query }) => {
      const rows = (query.state.data as { rows?: unknown[] } | undefined)?.rows;
      if (query.queryKey[2] === "results" && rows && sizes.at(-1) !== rows.length) sizes.push(rows.length);
    });
    await waitFor(() => expect(screen.getByText("250 rows")).toBeTruthy());
    expect(sizes).toEqual([100, 200, 250]);
    const order = screen.getAllByRole("listitem").map((item) => item.textContent);
    const fileOrder = (await new Response(simulator.fileContent(job.output_file as string).stream).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).custom_id);
    expect(order).toEqual(fileOrder);
  });

  it("caps a page and skips the rows of earlier pages", async () => {
    const job = finishedJob(250);
    renderWithBatch(<Results job={job} page={1} pageSize={100} />);
    await waitFor(() => expect(screen.getByText("100 rows, more")).toBeTruthy());
    const ids = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(ids[0]).toBe("r100");
    expect(ids.at(-1)).toBe("r199");
  });

  it("reads nothing for a job that is still running", async () => {
    const running = simulator.createJob(moderationJob(5));
    renderWithBatch(<Results job={running} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText("0 rows")).toBeTruthy();
    expect(requestsTo("GET", "/v1/files")).toBe(0);
  });

  it("stops reading when unmounted", { timeout: 30_000 }, async () => {
    const job = finishedFileJob(50_000);
    // Watches the output file's body: was it read to its end, or cancelled?
    const download = { cancelled: false, finished: false };
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await globalThis.fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith("/content") || !response.body) return response;
      const reader = response.body.getReader();
      const watched = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            download.finished = true;
            controller.close();
          } else controller.enqueue(value);
        },
        cancel: (reason) => {
          download.cancelled = true;
          return reader.cancel(reason);
        },
      });
      return new Response(watched, response);
    };
    const view = renderWithBatch(<RowCount job={job} />, { fetch });
    await waitFor(() => expect(screen.getByText(/^[1-9]\d* rows \(reading\)$/)).toBeTruthy());
    view.unmount();
    await waitFor(() => expect(download.cancelled).toBe(true));
    expect(download.finished).toBe(false);
    expect(requestsTo("GET", `/v1/files/${job.output_file}/content`)).toBe(1);
  });
});

function Upload({ requests }: { requests: Array<Record<string, unknown>> }) {
  const upload = useUploadBatchFile();
  return (
    <div>
      <button type="button" onClick={() => upload.mutate({ file: requests, filename: "requests.jsonl" })}>
        Upload
      </button>
      {upload.progress && <p>sent {upload.progress.loaded} bytes</p>}
      {upload.data && <p>file {upload.data.id}</p>}
    </div>
  );
}

describe("useUploadBatchFile", () => {
  it("uploads an iterable of requests as JSONL and counts the bytes sent", async () => {
    const requests = moderationJob(3000).requests;
    renderWithBatch(<Upload requests={requests} />);
    fireEvent.click(screen.getByRole("button", { name: "Upload" }));
    const fileLine = await screen.findByText(/^file /);
    const fileId = fileLine.textContent?.slice("file ".length) ?? "";
    const stored = simulator.getFile(fileId);
    expect(stored).toMatchObject({ filename: "requests.jsonl", purpose: "batch", num_lines: 3000 });
    expect(screen.getByText(`sent ${stored.bytes} bytes`)).toBeTruthy();
  });
});
