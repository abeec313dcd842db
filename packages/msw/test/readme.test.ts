// The README's first example, run as written.
import { MistralBatch } from "@mistral-batch/client";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { batchHandlers, createBatchSimulator } from "../src/index.js";

const simulator = createBatchSimulator({ queueDelayMs: 1_000, jobDurationMs: 60_000, failureRate: 0.1 });
const server = setupServer(...batchHandlers(simulator)); // baseUrl defaults to https://api.mistral.ai

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  simulator.reset(); // forget jobs, files and faults between tests
});
afterAll(() => server.close());

it("runs a batch", async () => {
  const mistral = new MistralBatch({ apiKey: "test" });
  const job = await mistral.batch.jobs.create({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    requests: Array.from({ length: 10 }, (_, i) => ({
      custom_id: String(i),
      body: { messages: [{ role: "user", content: `Question ${i}` }] },
    })),
  });
  expect(job.status).toBe("QUEUED");

  simulator.clock.advance(1_000 + 30_000); // queued for 1 s, then half-way through its 60 s run
  expect(await mistral.batch.jobs.get({ job_id: job.id })).toMatchObject({ status: "RUNNING", completed_requests: 5 });

  simulator.clock.advance(30_000);
  const done = await mistral.batch.jobs.get({ job_id: job.id, inline: true });
  expect(done).toMatchObject({ status: "SUCCESS", succeeded_requests: 9, failed_requests: 1 });
  expect(done.outputs).toHaveLength(10);
});
