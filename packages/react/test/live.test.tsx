import { cleanup, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { useBatchJob } from "../src/index.js";
import { moderationJob, renderWithBatch, requestsTo, server, simulator } from "./support/batchApi.js";

afterEach(cleanup);

const EVENTS = "https://api.mistral.ai/events/batch/jobs/:job_id";

/**
 * The proxy's events route over the simulator: the job whenever it changes. After a terminal status the stream
 * stays open, as a proxy's may for a moment: the hook must stop reading by itself. (It also keeps happy-dom's fetch
 * from throwing "Controller is already closed": its body stream has no cancel handler, so a server that ends a body
 * the reader already cancelled makes it close its controller twice.)
 */
function liveEvents() {
  let opened = 0;
  server.use(
    http.get(EVENTS, ({ params }) => {
      opened++;
      const encoder = new TextEncoder();
      let last = "";
      let id = 0;
      let ended = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (ended) return new Promise<void>(() => {});
          for (;;) {
            const job = simulator.getJob(String(params.job_id));
            const text = JSON.stringify(job);
            if (text !== last) {
              last = text;
              controller.enqueue(encoder.encode(`id: ${++id}\nevent: job\ndata: ${text}\n\n`));
              ended = ["SUCCESS", "FAILED", "CANCELLED", "TIMEOUT_EXCEEDED"].includes(job.status);
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        },
      });
      return new HttpResponse(body, { headers: { "Content-Type": "text/event-stream" } });
    }),
  );
  return { opened: () => opened };
}

function JobStatus({ jobId }: { jobId: string }) {
  const job = useBatchJob(jobId, { pollIntervalMs: 200, maxPollIntervalMs: 200 });
  return <p>{job.data ? `status: ${job.data.status}` : "loading"}</p>;
}

describe("a live provider", () => {
  it("updates a job from the proxy's events at once, without polling", async () => {
    const events = liveEvents();
    const job = simulator.createJob(moderationJob(3));
    renderWithBatch(<JobStatus jobId={job.id} />, { live: true });
    await waitFor(() => expect(screen.getByText("status: QUEUED")).toBeTruthy());
    simulator.clock.advance(1_500);
    await waitFor(() => expect(screen.getByText("status: RUNNING")).toBeTruthy(), { timeout: 500 });
    simulator.clock.advance(20_000);
    await waitFor(() => expect(screen.getByText("status: SUCCESS")).toBeTruthy(), { timeout: 500 });
    await new Promise((resolve) => setTimeout(resolve, 600)); // three poll intervals: none may happen
    expect(requestsTo("GET", `/v1/batch/jobs/${job.id}`)).toBeLessThanOrEqual(1);
    expect(events.opened()).toBe(1);
  });

  it("falls back to polling where the events cannot be had", async () => {
    server.use(http.get(EVENTS, () => HttpResponse.json({ detail: "Not Found" }, { status: 404 })));
    const job = simulator.createJob(moderationJob(3));
    renderWithBatch(<JobStatus jobId={job.id} />, { live: true });
    await waitFor(() => expect(screen.getByText("status: QUEUED")).toBeTruthy());
    simulator.clock.advance(30_000);
    await waitFor(() => expect(screen.getByText("status: SUCCESS")).toBeTruthy(), { timeout: 2_000 });
    expect(requestsTo("GET", `/v1/batch/jobs/${job.id}`)).toBeGreaterThan(1);
  });
});
