// Listing among 10,000 jobs: the simulator alone, then over HTTP through the standalone server.
import { createBatchSimulator } from "@mistral-batch/msw";
import { startMockServer } from "@mistral-batch/msw/node";

const JOBS = 10_000;

function seed(sim) {
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

function perSecond(count, ms) {
  return `${Math.round((count / ms) * 1000).toLocaleString("en-US")} lists/s (${(ms / count).toFixed(3)} ms each)`;
}

export default async function run(report) {
  const sim = createBatchSimulator({ queueDelayMs: 1_000, jobDurationMs: 60_000 });
  let started = performance.now();
  seed(sim);
  report(`create ${JOBS.toLocaleString("en-US")} jobs`, `${(performance.now() - started).toFixed(0)} ms`);

  const queries = {
    "default page (100, newest first)": {},
    "status RUNNING + QUEUED": { status: ["RUNNING", "QUEUED"] },
    "metadata owner + model": { metadata: { owner: "user-7" }, model: "mistral-small-latest" },
    "created_by_me, page 20 of 50, oldest first": { created_by_me: true, page: 20, page_size: 50, order_by: "created" },
  };
  for (const [name, query] of Object.entries(queries)) {
    const rounds = 300;
    started = performance.now();
    let total = 0;
    for (let i = 0; i < rounds; i++) total = sim.listJobs(query, { caller: "alice" }).total;
    report(`simulator: ${name} [total ${total}]`, perSecond(rounds, performance.now() - started));
  }

  const mock = await startMockServer({ port: 0, simulator: sim });
  try {
    const headers = { authorization: "Bearer alice" };
    for (const [name, query] of [
      ["default page", ""],
      ["status filter", "status=RUNNING&status=QUEUED"],
    ]) {
      const rounds = 200;
      started = performance.now();
      for (let i = 0; i < rounds; i++)
        await (await fetch(`${mock.url}/v1/batch/jobs?${query}`, { headers })).arrayBuffer();
      report(`HTTP server: ${name}`, perSecond(rounds, performance.now() - started));
    }
  } finally {
    await mock.close();
  }
}
