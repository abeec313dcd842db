import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAIL_ON_UNHANDLED } from "../../../testing/mswListenOptions.js";
import { batchHandlers } from "../src/batchHandlers.js";
import { createBatchSimulator } from "../src/createBatchSimulator.js";
import { chatRequests } from "./fixtures.js";

const START = Date.UTC(2025, 0, 1);
const sim = createBatchSimulator({ startTime: START, queueDelayMs: 1_000, jobDurationMs: 10_000 });
const server = setupServer(...batchHandlers(sim));
const ids: Record<string, string> = {};

/** Lists over HTTP as `token`, returning the ids by name and the total. */
async function list(query: string, token = "alice") {
  const response = await fetch(`https://api.mistral.ai/v1/batch/jobs?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { data: { id: string }[]; total: number };
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return { names: body.data.map((job) => names[job.id]), total: body.total };
}

beforeAll(() => {
  server.listen(FAIL_ON_UNHANDLED);
  const make = (name: string, caller: string, extra: Record<string, unknown>, then?: (id: string) => void) => {
    ids[name] = sim.createJob({ endpoint: "/v1/chat/completions", requests: chatRequests(1), ...extra }, { caller }).id;
    then?.(ids[name]);
    sim.clock.advance(60_000);
  };
  make("a", "alice", { model: "small", metadata: { owner: "alice", team: "x" } });
  make("b", "bob", { model: "large", metadata: { owner: "bob", team: "x" } });
  make("c", "alice", { agent_id: "ag-1", metadata: { owner: "alice" } });
  make("d", "bob", { model: "small" }, (id) => sim.cancelJob(id));
  ids.e = sim.createJob(
    { endpoint: "/v1/chat/completions", requests: chatRequests(1), model: "small" },
    { caller: "alice" },
  ).id;
  // Now a-d have finished (or been cancelled); e is QUEUED.
});
afterAll(() => server.close());

describe("list filters", () => {
  it("lists newest first by default with the total", async () => {
    expect(await list("")).toEqual({ names: ["e", "d", "c", "b", "a"], total: 5 });
  });

  it("orders oldest first with order_by=created", async () => {
    expect((await list("order_by=created")).names).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("pages with page and page_size, total counting every match", async () => {
    expect(await list("page=1&page_size=2")).toEqual({ names: ["c", "b"], total: 5 });
    expect(await list("page=3&page_size=2")).toEqual({ names: [], total: 5 });
  });

  it("filters by several statuses", async () => {
    expect(await list("status=QUEUED&status=CANCELLED")).toEqual({ names: ["e", "d"], total: 2 });
    expect(await list("status=SUCCESS")).toEqual({ names: ["c", "b", "a"], total: 3 });
  });

  it("filters by model and agent_id", async () => {
    expect((await list("model=small")).names).toEqual(["e", "d", "a"]);
    expect((await list("agent_id=ag-1")).names).toEqual(["c"]);
  });

  it.each([
    ["JSON", `metadata=${encodeURIComponent('{"owner":"alice","team":"x"}')}`],
    ["deepObject", "metadata[owner]=alice&metadata[team]=x"],
    ["flattened", "owner=alice&team=x"],
  ])("filters by every metadata pair, sent as %s", async (_, query) => {
    expect(await list(query)).toEqual({ names: ["a"], total: 1 });
  });

  // Job metadata are plain objects: a filter on a name they inherit (`__proto__`, `constructor`, ...) matched them all.
  it.each([
    ["JSON __proto__", `metadata=${encodeURIComponent('{"__proto__":{}}')}`],
    ["JSON constructor", `metadata=${encodeURIComponent('{"constructor":{}}')}`],
    ["deepObject __proto__", "metadata[__proto__]=x"],
    ["flattened constructor", `constructor=${encodeURIComponent(String(Object))}`],
    ["flattened toString", `toString=${encodeURIComponent(String(Object.prototype.toString))}`],
    [
      "deepObject hasOwnProperty",
      `metadata[hasOwnProperty]=${encodeURIComponent(String(Object.prototype.hasOwnProperty))}`,
    ],
  ])("matches only own metadata, never inherited names (%s)", async (_, query) => {
    expect(await list(query)).toEqual({ names: [], total: 0 });
  });

  it("filters by created_after, inclusive of the given second", async () => {
    const cAt = new Date(START + 2 * 60_000).toISOString();
    expect((await list(`created_after=${encodeURIComponent(cAt)}`)).names).toEqual(["e", "d", "c"]);
  });

  it.each([
    ["epoch milliseconds", START + 2 * 60_000],
    ["a Date", new Date(START + 2 * 60_000)],
    ["an ISO date-time", new Date(START + 2 * 60_000).toISOString()],
  ])("filters by a created_after given to listJobs as %s", (_, createdAfter) => {
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    const listed = sim.listJobs({ created_after: createdAfter }, { caller: "alice" }).data;
    expect(listed?.map((job) => names[job.id])).toEqual(["e", "d", "c"]);
  });

  it("answers 422 to a created_after that is not a date-time", async () => {
    const response = await fetch("https://api.mistral.ai/v1/batch/jobs?created_after=yesterday", {
      headers: { authorization: "Bearer a" },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      detail: [{ loc: ["query", "created_after"], type: "datetime_from_date_parsing" }],
    });
  });

  it("filters by created_by_me, comparing with the caller's bearer token", async () => {
    expect((await list("created_by_me=true", "bob")).names).toEqual(["d", "b"]);
    expect((await list("created_by_me=false", "bob")).total).toBe(5);
  });

  it("combines filters", async () => {
    expect(await list("model=small&status=SUCCESS&created_by_me=true&page_size=1")).toEqual({ names: ["a"], total: 1 });
  });
});
