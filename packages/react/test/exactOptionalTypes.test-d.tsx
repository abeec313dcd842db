// Compiled by tsconfig.exact.json, as a user's project compiles the package: `exactOptionalPropertyTypes` on,
// against the built declarations. Options filled from the environment are `string | undefined`: each optional
// option and prop must take that undefined as it is.
import { MistralBatch } from "@mistral-batch/client";
import {
  batchJobQueryOptions,
  batchJobsQueryOptions,
  MistralBatchProvider,
  useBatchJob,
  useBatchJobs,
  useBatchResults,
  useSuspenseBatchJob,
} from "@mistral-batch/react";
import { describe, expectTypeOf, it } from "vitest";

const env = process.env;
const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
const client = new MistralBatch({ serverURL: env.MISTRAL_SERVER_URL });
const polling = { pollIntervalMs: number("POLL_MS"), maxPollIntervalMs: undefined };

function Jobs() {
  const jobs = useBatchJobs(
    { page: number("PAGE"), model: env.MODEL, status: undefined },
    { ...polling, enabled: undefined },
  );
  const job = useBatchJob(jobs.data?.data?.[0]?.id, { ...polling, enabled: undefined });
  useSuspenseBatchJob("id", polling);
  useBatchResults(job.data, { page: undefined, pageSize: number("PAGE_SIZE"), enabled: undefined });
  return null;
}

describe("options and props under exactOptionalPropertyTypes", () => {
  it("take an unset environment variable", () => {
    expectTypeOf(
      <MistralBatchProvider client={client} live={env.LIVE ? true : undefined}>
        <Jobs />
      </MistralBatchProvider>,
    ).not.toBeAny();
    batchJobsQueryOptions(client, { order_by: undefined }, polling);
    batchJobQueryOptions(client, "id", polling);
  });
});
