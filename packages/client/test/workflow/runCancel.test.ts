import { describe, expect, it } from "vitest";
import {
  type BatchRequest,
  createMemoryRunStore,
  RequestAbortedError,
  RUN_ID_METADATA_KEY,
  RunCancelledError,
  type RunResult,
  runBatch,
} from "../../src/index.js";
import { useMockApi } from "../support/mockApi.js";

// Jobs that run for a minute of real time: the cancel lands while the job runs, however loaded the machine is
// (runBatch.test.ts's tenth-of-a-second jobs could end before it).
const { simulator, core } = useMockApi({ clock: "real", queueDelayMs: 20, jobDurationMs: 60_000 });

const FAST = { pollIntervalMs: 10, maxPollIntervalMs: 20, retryDelayMs: 1 };
const params = { endpoint: "/v1/moderations", model: "mistral-moderation-latest" } as const;
const makeRequests = (count: number): BatchRequest[] =>
  Array.from({ length: count }, (_, i) => ({ custom_id: `r${i}`, body: { input: `text ${i}` } }));

async function collect(results: AsyncIterable<RunResult>): Promise<RunResult[]> {
  const all: RunResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

const jobsOf = (runId: string) => simulator.listJobs({ metadata: { [RUN_ID_METADATA_KEY]: runId } }).data ?? [];

describe("batch.run, stopped", () => {
  it("with cancelOnAbort, cancels the live jobs, and a later run with the id says it was cancelled", async () => {
    const store = createMemoryRunStore();
    const controller = new AbortController();
    const run = await runBatch(
      core,
      { ...params, requests: makeRequests(10) },
      {
        ...FAST,
        store,
        runId: "stop",
        signal: controller.signal,
        cancelOnAbort: true,
        onProgress: () => controller.abort(),
      },
    );
    await expect(collect(run.results)).rejects.toThrow(RequestAbortedError);
    const [job] = jobsOf("stop");
    expect(["CANCELLATION_REQUESTED", "CANCELLED"]).toContain(job?.status);
    await expect(runBatch(core, { ...params, requests: makeRequests(10) }, { store, runId: "stop" })).rejects.toThrow(
      RunCancelledError,
    );
  });
});
