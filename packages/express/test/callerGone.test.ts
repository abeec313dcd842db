import { request } from "node:http";
import express5 from "express";
import express4 from "express4";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ProxyApp, startProxyApp, TOKENS } from "./support/startProxyApp.js";
import { type ScriptedUpstream, startScriptedUpstream } from "./support/startScriptedUpstream.js";

const JOB = "0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";

describe.each([
  ["Express 5", express5],
  ["Express 4", express4],
])("%s, when the caller goes away", (_, expressModule) => {
  let upstream: ScriptedUpstream;
  let app: ProxyApp;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    app = await startProxyApp(expressModule, upstream.url, { timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  it("drops the upstream call it was waiting on and reports 499", async () => {
    const upstreamClosed = new Promise<void>((resolve) => upstream.answer((__, res) => res.on("close", resolve)));
    const caller = request(`${app.url}/v1/batch/jobs/${JOB}`, {
      headers: { authorization: `Bearer ${TOKENS.alice}` },
    });
    caller.on("error", () => {});
    caller.end();
    await vi.waitFor(() => expect(upstream.received).toHaveLength(1));
    caller.destroy();
    // Without the caller's departure reaching the upstream call, this waits for the 60 s deadline.
    await upstreamClosed;
    await vi.waitFor(() => expect(app.events).toHaveLength(1));
    expect(app.events[0]).toMatchObject({ operation: "batch.jobs.get", userId: "alice", status: 499 });
  });
});
