import { MistralBatch } from "@mistral-batch/client";
import { Mistral } from "@mistralai/mistralai";
import { FILE_ID, JOB_ID } from "./cannedBodies.js";

/** The operations measured, each a request of the API. */
export const OPERATIONS = ["list100", "list1000", "get", "create"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The contenders, the baseline first. */
export const CONTENDERS = ["fetch", "ours", "official"] as const;
export type Contender = (typeof CONTENDERS)[number];

/** One call of each operation; each checks what it got, so that a contender that fails is never timed as fast. */
export type Calls = Record<Operation, () => Promise<void>>;

const API_KEY = "bench-key";
const CREATE = { endpoint: "/v1/chat/completions", model: "mistral-small-latest" } as const;

function expectList(size: number, data: readonly unknown[]): void {
  if (data.length !== size) throw new Error(`expected ${size} jobs, got ${data.length}`);
}
function expectJob(job: { id: string }): void {
  if (typeof job.id !== "string") throw new Error("expected a job");
}

/** What a user writes without a client: fetch, check the status, JSON.parse. */
function plainFetch(serverUrl: string): Calls {
  const headers = { authorization: `Bearer ${API_KEY}`, accept: "application/json" };
  async function json(url: string, init?: RequestInit): Promise<unknown> {
    const res = await fetch(url, { headers, ...init });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(await res.text());
  }
  const list = (size: number) => async () =>
    expectList(size, ((await json(`${serverUrl}/${size}/v1/batch/jobs`)) as { data: unknown[] }).data);
  return {
    list100: list(100),
    list1000: list(1_000),
    get: async () => expectJob((await json(`${serverUrl}/1/v1/batch/jobs/${JOB_ID}`)) as { id: string }),
    create: async () =>
      expectJob(
        (await json(`${serverUrl}/1/v1/batch/jobs`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ ...CREATE, input_files: [FILE_ID] }),
        })) as { id: string },
      ),
  };
}

/** What both SDKs share: `batch.jobs.list()` resolving to a page of jobs. */
interface BatchSdk {
  batch: { jobs: { list(): Promise<{ data?: readonly unknown[] | null }> } };
}

/** The calls through an SDK: one client per list size (the size rides in the serverURL prefix). */
function sdkCalls<C extends BatchSdk>(
  serverUrl: string,
  make: (serverURL: string) => C,
  get: (client: C) => Promise<{ id: string }>,
  create: (client: C) => Promise<{ id: string }>,
): Calls {
  const [one, hundred, thousand] = [1, 100, 1_000].map((prefix) => make(`${serverUrl}/${prefix}`)) as [C, C, C];
  return {
    list100: async () => expectList(100, (await hundred.batch.jobs.list()).data ?? []),
    list1000: async () => expectList(1_000, (await thousand.batch.jobs.list()).data ?? []),
    get: async () => expectJob(await get(one)),
    create: async () => expectJob(await create(one)),
  };
}

/** `@mistral-batch/client`'s facade with its defaults (retries included). */
const ours = (serverUrl: string) =>
  sdkCalls(
    serverUrl,
    (serverURL) => new MistralBatch({ apiKey: API_KEY, serverURL }),
    (client) => client.batch.jobs.get({ job_id: JOB_ID }),
    (client) => client.batch.jobs.create({ ...CREATE, input_files: [FILE_ID] }),
  );

/** The official `@mistralai/mistralai` SDK with its defaults. */
const official = (serverUrl: string) =>
  sdkCalls(
    serverUrl,
    (serverURL) => new Mistral({ apiKey: API_KEY, serverURL }),
    (client) => client.batch.jobs.get({ jobId: JOB_ID }),
    (client) => client.batch.jobs.create({ ...CREATE, inputFiles: [FILE_ID] }),
  );

/** The calls of one contender against the canned server at `serverUrl`. */
export function contenderCalls(contender: Contender, serverUrl: string): Calls {
  return { fetch: plainFetch, ours, official }[contender](serverUrl);
}
