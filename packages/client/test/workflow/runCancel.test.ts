import { describe, expect, it } from "vitest";
import {
  createMemoryRunStore,
  RequestAbortedError,
  RUN_ID_METADATA_KEY,
  RunCancelledError,
  runBatch,
} from "../../src/index.js";
import { useMockApi } from "../support/mockApi.js";
import { collect, FAST, makeRequests, params } from "../support/runs.js";

// Jobs that run for a minute of real time: the cancel lands while the job runs, however loaded the machine is
// (runBatch.test.ts's tenth-of-a-second jobs could end before it).
const { simulator, core } = useMockApi({ clock: "real", queueDelayMs: 20, jobDurationMs: 60_000 });

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
