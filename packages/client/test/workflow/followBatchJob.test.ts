import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { type BatchJob, followBatchJob, SDKError } from "../../src/index.js";
import { MOCK_URL, useMockApi } from "../support/mockApi.js";

const { simulator, core, server } = useMockApi({ queueDelayMs: 1_000, jobDurationMs: 10_000 });

const eventsUrl = `${MOCK_URL}/events/batch/jobs/:job_id`;
const frame = (job: BatchJob, id: number) => `id: ${id}\nevent: job\ndata: ${JSON.stringify(job)}\n\n`;

/** A text/event-stream of a heartbeat and these frames, then closed. */
function stream(frames: string[]) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`: heartbeat\n\n${frames.join("")}`));
      controller.close();
    },
  });
  return new HttpResponse(body, { headers: { "Content-Type": "text/event-stream" } });
}

describe("followBatchJob", () => {
  it("yields the job at each change and ends after a terminal status", async () => {
    const job = simulator.createJob({
      endpoint: "/v1/moderations",
      model: "m",
      requests: [{ custom_id: "a", body: {} }],
    });
    const at = (ms: number) => {
      simulator.clock.advance(ms);
      return simulator.getJob(job.id);
    };
    const frames = [frame(at(0), 1), frame(at(1_500), 2), frame(at(20_000), 3), frame(at(1), 4)];
    server.use(http.get(eventsUrl, () => stream(frames)));
    const statuses: string[] = [];
    for await (const seen of followBatchJob(core, { job_id: job.id })) statuses.push(seen.status);
    expect(statuses).toEqual(["QUEUED", "RUNNING", "SUCCESS"]);
  });

  it("opens a stream that ended before a terminal status again, from the last event id", async () => {
    const job = simulator.createJob({
      endpoint: "/v1/moderations",
      model: "m",
      requests: [{ custom_id: "a", body: {} }],
    });
    const queued = simulator.getJob(job.id);
    simulator.clock.advance(30_000);
    const done = simulator.getJob(job.id);
    const lastIds: (string | null)[] = [];
    server.use(
      http.get(eventsUrl, ({ request }) => {
        lastIds.push(request.headers.get("Last-Event-ID"));
        return lastIds.length === 1 ? stream([frame(queued, 7)]) : stream([frame(done, 8)]);
      }),
    );
    const statuses: string[] = [];
    for await (const seen of followBatchJob(core, { job_id: job.id })) statuses.push(seen.status);
    expect(statuses).toEqual(["QUEUED", "SUCCESS"]);
    expect(lastIds).toEqual([null, "7"]);
  });

  it("rejects with the SDKError of a server without the route, for a fallback to polling", async () => {
    const job = simulator.createJob({
      endpoint: "/v1/moderations",
      model: "m",
      requests: [{ custom_id: "a", body: {} }],
    });
    server.use(http.get(eventsUrl, () => HttpResponse.json({ detail: "Not Found" }, { status: 404 })));
    const failure = await (async () => {
      for await (const _ of followBatchJob(core, { job_id: job.id }));
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SDKError);
    expect((failure as SDKError).statusCode).toBe(404);
  });
});
