import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dashboard, PortInUseError, startDashboard } from "../src/server/startDashboard.js";
import { startUpstream } from "../src/server/startUpstream.js";

// The server in-process on the built UI (the test script builds it first) and the built-in mock.
let dashboard: Dashboard;

beforeAll(async () => {
  dashboard = await startDashboard({ port: 0, host: "127.0.0.1", mockSpeed: 100 });
});
afterAll(() => dashboard?.close());

async function signIn(user: string): Promise<string> {
  const response = await fetch(`${dashboard.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user }),
  });
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

function api(cookie: string | null, path: string, init: RequestInit = {}) {
  return fetch(`${dashboard.url}/api/mistral${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(cookie && { cookie }) },
  });
}

const newJob = JSON.stringify({
  endpoint: "/v1/moderations",
  model: "mistral-moderation-latest",
  requests: [{ custom_id: "a", body: { input: ["hello"] } }],
});

describe("the dashboard server", () => {
  it("reports the built-in mock and nobody signed in", async () => {
    expect(dashboard.upstream.kind).toBe("mock");
    const response = await fetch(`${dashboard.url}/api/session`);
    expect(await response.json()).toEqual({ user: null, upstream: "mock" });
  });

  it("signs in with an http-only, same-site cookie, and signs out", async () => {
    const response = await fetch(`${dashboard.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "carol" }),
    });
    expect(await response.json()).toEqual({ user: "carol", upstream: "mock" });
    expect(response.headers.get("set-cookie")).toMatch(/^dashboard_user=carol; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    expect(await (await fetch(`${dashboard.url}/api/session`, { headers: { cookie } })).json()).toMatchObject({
      user: "carol",
    });
    const out = await fetch(`${dashboard.url}/api/session`, { method: "DELETE", headers: { cookie } });
    expect(await out.json()).toEqual({ user: null, upstream: "mock" });
    expect(out.headers.get("set-cookie")).toMatch(/^dashboard_user=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it.each([
    ["", "empty"],
    ["a b", "a space"],
    ["x".repeat(65), "too long"],
    ["-lead", "a leading dash"],
  ])("refuses the user name %j (%s)", async (user) => {
    const response = await fetch(`${dashboard.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers 401 at the proxy without a valid demo cookie", async () => {
    expect((await api(null, "/v1/batch/jobs")).status).toBe(401);
    expect((await api("dashboard_user=bad name", "/v1/batch/jobs")).status).toBe(401);
    expect((await api(null, "/v1/batch/jobs", { method: "POST", body: newJob })).status).toBe(401);
  });

  it("keeps each demo user to their own jobs through the proxy", async () => {
    const alice = await signIn("alice");
    const bob = await signIn("bob");
    const created = await api(alice, "/v1/batch/jobs", { method: "POST", body: newJob });
    expect(created.status).toBe(200);
    const job = await created.json();
    expect(job.metadata).toEqual({ owner: "alice" });

    expect((await (await api(alice, "/v1/batch/jobs")).json()).total).toBe(1);
    expect((await (await api(bob, "/v1/batch/jobs")).json()).total).toBe(0);
    expect((await api(bob, `/v1/batch/jobs/${job.id}`)).status).toBe(404);
    expect((await api(bob, `/v1/batch/jobs/${job.id}/cancel`, { method: "POST" })).status).toBe(404);
    expect((await api(bob, `/v1/batch/jobs/${job.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await api(alice, `/v1/batch/jobs/${job.id}`)).status).toBe(200);
  });

  it("serves the UI for every page path, and JSON 404s under /api", async () => {
    for (const path of ["/", "/jobs/new", "/jobs/0bf04335-bc68-4f3a-b79d-e1eaefd755bd"]) {
      const page = await fetch(`${dashboard.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
    }
    const missing = await fetch(`${dashboard.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Not found" });
  });
});

describe("startUpstream", () => {
  it("uses the real API, without starting the mock, when given a key", async () => {
    const upstream = await startUpstream({ apiKey: "sk-test" });
    expect(upstream).toMatchObject({ kind: "mistral", serverURL: "https://api.mistral.ai", apiKey: "sk-test" });
    await upstream.close();
  });

  it("speeds the mock's jobs up, not its clock, so its times never run ahead of the browser's", async () => {
    const upstream = await startUpstream({ mockSpeed: 1000 });
    try {
      const headers = { authorization: `Bearer ${upstream.apiKey}`, "content-type": "application/json" };
      const created = await fetch(`${upstream.serverURL}/v1/batch/jobs`, { method: "POST", headers, body: newJob });
      const { id } = (await created.json()) as { id: string };
      // 25 s of queue and run at speed 1 take 25 ms here.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const job = await (await fetch(`${upstream.serverURL}/v1/batch/jobs/${id}`, { headers })).json();
      expect(job.status).toBe("SUCCESS");
      const now = Date.now() / 1000;
      for (const time of [job.created_at, job.started_at, job.completed_at]) {
        expect(time).toBeGreaterThan(now - 5);
        expect(time).toBeLessThanOrEqual(now);
      }
    } finally {
      await upstream.close();
    }
  });
});

describe("a port already taken", () => {
  async function takenPort(): Promise<{ port: number; release: () => void }> {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    return { port, release: () => blocker.close() };
  }

  it("rejects with an error naming the port and how to pick another", async () => {
    const { port, release } = await takenPort();
    try {
      const error = await startDashboard({ port, host: "127.0.0.1" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(
        `Port ${port} is already in use. Stop what listens there, or pick another port: PORT=${port + 1} pnpm start`,
      );
    } finally {
      release();
    }
  });

  it("makes `pnpm start` print that one line, no stack, and exit 1", async () => {
    const { port, release } = await takenPort();
    try {
      const main = fileURLToPath(new URL("../dist/server/main.js", import.meta.url));
      const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" } });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on("close", resolve));
      expect(code).toBe(1);
      expect(stderr).toBe(
        `Port ${port} is already in use. Stop what listens there, or pick another port: PORT=${port + 1} pnpm start\n`,
      );
    } finally {
      release();
    }
  });
});
