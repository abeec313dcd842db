import { createBatchSimulator } from "@mistral-batch/msw";

/** The page sizes of the list benches. */
export const LIST_SIZES = [100, 1_000] as const;

/** The JSON bodies the canned server answers with, as the API writes them. */
export interface CannedBodies {
  /** A page of jobs by its size (100 and 1,000). */
  lists: Map<number, string>;
  job: string;
  created: string;
}

/** The job id and file id every contender sends: valid UUIDs, so no client refuses them. */
export const JOB_ID = "6b1f3c2a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
export const FILE_ID = "0c9d8e7f-6a5b-4c3d-9e1f-2a3b4c5d6e7f";

/**
 * Realistic bodies from the mock: 1,000 jobs created a few seconds apart with metadata, seen at a moment when they are
 * queued, running or finished (some with failures), so that every field a real list carries is there.
 */
export function cannedBodies(sizes: readonly number[]): CannedBodies {
  const sim = createBatchSimulator({ queueDelayMs: 2_000, jobDurationMs: 600_000, failureRate: 0.02 });
  const ids: string[] = [];
  const largest = Math.max(...sizes);
  for (let i = 0; i < largest; i++) {
    const job = sim.createJob({
      endpoint: "/v1/chat/completions",
      model: i % 2 ? "mistral-small-latest" : "mistral-large-latest",
      metadata: { owner: `user-${i % 37}`, run: `nightly-${i % 5}` },
      requests: [{ custom_id: "a", body: { messages: [{ role: "user", content: "hi" }] } }],
    });
    ids.push(job.id);
    sim.clock.advance(1_000);
  }
  const jobs = ids.map((id) => sim.getJob(id)).reverse();
  const lists = new Map(
    sizes.map((size) => [size, JSON.stringify({ object: "list", data: jobs.slice(0, size), total: size })]),
  );
  const created = sim.createJob({
    endpoint: "/v1/chat/completions",
    model: "mistral-small-latest",
    metadata: { owner: "user-1" },
    requests: [{ custom_id: "a", body: { messages: [{ role: "user", content: "hi" }] } }],
  });
  return { lists, job: JSON.stringify(jobs.at(-1)), created: JSON.stringify(created) };
}
