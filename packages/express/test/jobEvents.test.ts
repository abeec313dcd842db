import { notFoundBody } from "@mistral-batch/client/contract";
import { createBatchSimulator } from "@mistral-batch/msw";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import express from "express";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFetchHandler } from "../src/fetch.js";
import type { EventStreamOptions } from "../src/index.js";
import { openEvents, type SseClient } from "./support/sseClient.js";
import { SERVER_KEY, startProxyApp, TOKENS } from "./support/startProxyApp.js";

type User = keyof typeof TOKENS;
type Fetch = (request: Request) => Promise<Response>;

/** A proxy under test: its mount URL and how to send it a request. */
interface Proxy {
  url: string;
  fetch: Fetch;
  close(): Promise<void>;
}

const simulator = createBatchSimulator({ clock: "manual", apiKey: SERVER_KEY });
let mock: MockServer;
/** The upstream reads of each job, by job id. */
const jobReads = new Map<string, number>();
beforeAll(async () => {
  mock = await startMockServer({ simulator });
  mock.server.on("request", (req: { method?: string; url?: string }) => {
    const match = /^\/v1\/batch\/jobs\/([^/?]+)$/.exec(new URL(req.url ?? "/", "http://mock").pathname);
    if (req.method === "GET" && match) jobReads.set(match[1]!, (jobReads.get(match[1]!) ?? 0) + 1);
  });
});
afterAll(() => mock.close());

const ADAPTERS: Record<string, (events: EventStreamOptions) => Promise<Proxy>> = {
  "the Express middleware": async (events) => {
    const app = await startProxyApp(express, mock.url, { events });
    return { url: app.url, fetch: (request) => fetch(request), close: app.close };
  },
  "the fetch handler": async (events) => {
    const users = new Map<string, string>(Object.entries(TOKENS).map(([user, token]) => [token, user]));
    const handle = createFetchHandler({
      apiKey: SERVER_KEY,
      serverURL: mock.url,
      basePath: "/api/mistral",
      events,
      authorize: (request) => {
        const userId = users.get(request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
        return userId ? { userId } : null;
      },
    });
    return { url: "http://app.test/api/mistral", fetch: handle, close: async () => {} };
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(Object.keys(ADAPTERS))("live job events through %s", (adapter) => {
  let proxy: Proxy | undefined;
  const clients: SseClient[] = [];
  const start = async (events: EventStreamOptions) => {
    proxy = await ADAPTERS[adapter]!(events);
    return proxy;
  };
  beforeEach(() => {
    simulator.reset();
    jobReads.clear();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await proxy?.close();
  });

  const auth = (user: User) => ({ authorization: `Bearer ${TOKENS[user]}` });
  const jobOf = (user: User) =>
    simulator.createJob({
      endpoint: "/v1/moderations",
      model: "m",
      requests: [{ body: {} }],
      metadata: { owner: user },
    }).id;
  const subscribe = async (user: User, jobId: string, headers: Record<string, string> = {}) => {
    const client = await openEvents(proxy!.fetch, `${proxy!.url}/events/batch/jobs/${jobId}`, {
      ...auth(user),
      ...headers,
    });
    clients.push(client);
    return client;
  };
  const getText = async (user: User, jobId: string) => {
    const answer = await proxy!.fetch(new Request(`${proxy!.url}/v1/batch/jobs/${jobId}`, { headers: auth(user) }));
    return { status: answer.status, text: await answer.text() };
  };

  it("sends the job as get answers it, one event per change, and closes after its final status", async () => {
    await start({ pollIntervalMs: 20, maxPollIntervalMs: 40 });
    const jobId = jobOf("alice");
    const client = await subscribe("alice", jobId);
    expect(client.status).toBe(200);
    expect(client.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(client.headers.get("cache-control")).toBe("private, no-store");
    const queued = await client.event(1);
    expect(queued.event).toBe("job");
    expect(queued.data).toBe((await getText("alice", jobId)).text);
    expect(JSON.parse(queued.data).status).toBe("QUEUED");
    await sleep(150); // several polls that find no change send nothing
    expect(client.events).toHaveLength(1);
    simulator.clock.advance(1_000);
    const running = await client.event(2);
    expect(JSON.parse(running.data).status).toBe("RUNNING");
    expect(running.data).toBe((await getText("alice", jobId)).text);
    simulator.clock.advance(10_000);
    const done = await client.event(3);
    expect(JSON.parse(done.data).status).toBe("SUCCESS");
    await client.ended;
    expect(client.events).toHaveLength(3);
    expect(new Set(client.events.map((event) => event.id)).size).toBe(3);
    // Nobody watches a finished job: the polling stopped with it.
    const reads = jobReads.get(jobId);
    await sleep(120);
    expect(jobReads.get(jobId)).toBe(reads);
    // A stream opened on a finished job sends its state once and closes.
    const late = await subscribe("alice", jobId);
    await late.ended;
    expect(late.events.map((event) => event.data)).toEqual([done.data]);
  });

  it("polls the upstream once per job, for 50 subscribers as for 1", async () => {
    await start({ pollIntervalMs: 1_000, maxPollIntervalMs: 1_000, maxStreamsPerUser: 64 });
    const readsWith = async (subscribers: number) => {
      const jobId = jobOf("alice");
      const clients = await Promise.all(Array.from({ length: subscribers }, () => subscribe("alice", jobId)));
      await Promise.all(clients.map((client) => client.event(1)));
      simulator.clock.advance(20_000);
      await Promise.all(clients.map((client) => client.ended));
      for (const client of clients)
        expect(client.events.map((event) => JSON.parse(event.data).status)).toEqual(["QUEUED", "SUCCESS"]);
      return jobReads.get(jobId);
    };
    const one = await readsWith(1);
    const fifty = await readsWith(50);
    expect(one).toBe(2); // the first read, then the one that found the job done
    expect(fifty).toBe(one);
  });

  it("backs off while nothing changes, sends heartbeats, and stops polling when nobody watches", async () => {
    await start({ pollIntervalMs: 20, maxPollIntervalMs: 160, heartbeatMs: 40 });
    const jobId = jobOf("alice");
    const client = await subscribe("alice", jobId);
    await client.event(1);
    await sleep(700);
    // Every 20 ms would be 35 reads; 1.5 times longer each time up to 160 ms is 1 + 7.
    const reads = jobReads.get(jobId) ?? 0;
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(reads).toBeLessThanOrEqual(9);
    expect(client.comments.filter((comment) => comment === "heartbeat").length).toBeGreaterThanOrEqual(5);
    client.close();
    await sleep(100);
    const afterClose = jobReads.get(jobId);
    await sleep(400);
    expect(jobReads.get(jobId)).toBe(afterClose);
  });

  it("resumes from Last-Event-ID: the state the caller has is not sent again", async () => {
    await start({ pollIntervalMs: 20, maxPollIntervalMs: 40 });
    const jobId = jobOf("alice");
    const first = await subscribe("alice", jobId);
    const seen = await first.event(1);
    first.close();
    const resumed = await subscribe("alice", jobId, { "last-event-id": seen.id! });
    await sleep(120);
    expect(resumed.events).toEqual([]);
    simulator.clock.advance(1_000);
    const next = await resumed.event(1);
    expect(JSON.parse(next.data).status).toBe("RUNNING");
    expect(next.id).not.toBe(seen.id);
    // An id of an older state gets the current one at once.
    const behind = await subscribe("alice", jobId, { "last-event-id": seen.id! });
    expect((await behind.event(1)).data).toBe(next.data);
  });

  it("answers another user's job, or a missing one, with the 404 of get", async () => {
    await start({});
    const jobId = jobOf("alice");
    const theirs = await subscribe("bob", jobId);
    expect(theirs.status).toBe(404);
    expect(theirs.json).toEqual(JSON.parse((await getText("bob", jobId)).text));
    expect(theirs.json).toEqual(notFoundBody("job", jobId));
    const missing = "00000000-0000-4000-8000-000000000000";
    const none = await subscribe("alice", missing);
    expect(none.status).toBe(404);
    expect(none.json).toEqual(JSON.parse((await getText("alice", missing)).text));
    expect((await subscribe("alice", "not-a-uuid")).status).toBe(400);
    const anonymous = await openEvents(proxy!.fetch, `${proxy!.url}/events/batch/jobs/${jobId}`);
    expect(anonymous.status).toBe(401);
    const post = await proxy!.fetch(
      new Request(`${proxy!.url}/events/batch/jobs/${jobId}`, { method: "POST", headers: auth("alice") }),
    );
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
  });

  it("caps streams per user and in total with 429, and frees a slot when a stream closes", async () => {
    await start({ maxStreamsPerUser: 2, maxStreams: 3 });
    const jobId = jobOf("alice");
    const bobJob = jobOf("bob");
    const [a1, a2] = [await subscribe("alice", jobId), await subscribe("alice", jobId)];
    expect([a1.status, a2.status]).toEqual([200, 200]);
    const a3 = await subscribe("alice", jobId);
    expect(a3.status).toBe(429);
    expect(a3.json).toMatchObject({ object: "error", type: "rate_limited" });
    expect(a3.headers.get("retry-after")).toBe("5");
    expect((await subscribe("bob", bobJob)).status).toBe(200);
    const overall = await subscribe("bob", bobJob);
    expect(overall.status).toBe(429);
    expect(overall.json?.message).toMatch(/on this server/);
    a1.close();
    let again = await subscribe("alice", jobId);
    for (let tries = 0; again.status === 429 && tries < 50; tries++) {
      await sleep(20);
      again = await subscribe("alice", jobId);
    }
    expect(again.status).toBe(200);
  });
});
