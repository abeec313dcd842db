import type { BatchRequest, RunResult } from "../../src/index.js";

/** Run options that poll and retry at once, for the mock's short real-time jobs. */
export const FAST = { pollIntervalMs: 10, maxPollIntervalMs: 20, retryDelayMs: 1 };

export const params = { endpoint: "/v1/moderations", model: "mistral-moderation-latest" } as const;

/** `count` moderation requests, custom_ids `<prefix>0`, `<prefix>1`, ... */
export const makeRequests = (count: number, prefix = "r"): BatchRequest[] =>
  Array.from({ length: count }, (_, i) => ({ custom_id: `${prefix}${i}`, body: { input: `text ${i}` } }));

/** Every result of a run, in the order yielded. */
export async function collect(results: AsyncIterable<RunResult>): Promise<RunResult[]> {
  const all: RunResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}
