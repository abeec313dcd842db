/**
 * The mock: listing among 10,000 stored jobs, in the simulator alone and over HTTP through the standalone server
 * (in this process: the figure is the mock's, server and client together).
 */
import { createBatchSimulator } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { figure } from "../lib/stats.js";

const JOBS = 10_000;
type Simulator = ReturnType<typeof createBatchSimulator>;

function seed(sim: Simulator): void {
  const models = ["mistral-small-latest", "mistral-medium-latest", "mistral-large-latest"];
  for (let i = 0; i < JOBS; i++) {
    sim.createJob(
      {
        endpoint: "/v1/chat/completions",
        model: models[i % 3],
        metadata: { owner: `user-${i % 50}` },
        requests: [{ body: { messages: [{ role: "user", content: "hi" }] } }],
      },
      { caller: i % 2 ? "alice" : "bob" },
    );
    // Spread creation over time so that statuses differ across the list.
    sim.clock.advance(10);
  }
}

/** Lists per second over `rounds` calls of `list`. */
async function listsPerSecond(rounds: number, list: () => unknown): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await list();
  return (rounds / (performance.now() - started)) * 1000;
}

const queries = {
  default: {},
  status: { status: ["RUNNING", "QUEUED"] },
  metadataAndModel: { metadata: { owner: "user-7" }, model: "mistral-small-latest" },
  createdByMePage20: { created_by_me: true, page: 20, page_size: 50, order_by: "created" },
} as const;

const bench: Bench = async ({ quick }) => {
  const sim = createBatchSimulator({ queueDelayMs: 1_000, jobDurationMs: 60_000 });
  const started = performance.now();
  seed(sim);
  const entries: BenchEntry[] = [figure("mock.10000jobs.seed.time", performance.now() - started, "ms")];

  const rounds = quick ? 100 : 300;
  for (const [name, query] of Object.entries(queries)) {
    const rate = await listsPerSecond(rounds, () => sim.listJobs(query as never, { caller: "alice" }));
    entries.push(figure(`mock.10000jobs.simulator.list.${name}.throughput`, rate, "lists/s"));
  }

  const mock = await startMockServer({ port: 0, simulator: sim });
  try {
    const headers = { authorization: "Bearer alice" };
    for (const [name, query] of [
      ["default", ""],
      ["status", "status=RUNNING&status=QUEUED"],
    ]) {
      const rate = await listsPerSecond(quick ? 70 : 200, async () =>
        (await fetch(`${mock.url}/v1/batch/jobs?${query}`, { headers })).arrayBuffer(),
      );
      entries.push(figure(`mock.10000jobs.http.list.${name}.throughput`, rate, "lists/s"));
    }
  } finally {
    await mock.close();
  }
  return entries;
};
export default bench;
