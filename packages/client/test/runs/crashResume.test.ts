import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDEMPOTENCY_METADATA_KEY, RUN_ID_METADATA_KEY } from "../../src/index.js";
import { startMockServer } from "../support/mockApi.js";

// Each run is driven by a child process (dist/, built before the tests) against a mock server in this one, and
// killed with SIGKILL at a chosen step; a new child with the same run id and state directory must finish the run
// with every result once and no job created twice.
const driver = new URL("./fixtures/driveRun.mjs", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "run-crash-"));
let mock: Awaited<ReturnType<typeof startMockServer>>;
const LEASE_MS = 600;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, queueDelayMs: 50, jobDurationMs: 400 });
});
afterAll(async () => {
  await mock.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface Drive {
  child: ChildProcess;
  exited: Promise<{ code: number | null; stderr: string }>;
}

function drive(runId: string, count: number, attempt: number, env: Record<string, string> = {}): Drive {
  const output = join(scratch, `${runId}-${attempt}.jsonl`);
  const child = spawn(process.execPath, [driver, mock.url, join(scratch, "state"), runId, String(count), output], {
    env: { ...process.env, LEASE_MS: String(LEASE_MS), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stderr })),
  );
  return { child, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const jobsOf = (runId: string) =>
  mock.simulator.listJobs({ metadata: { [RUN_ID_METADATA_KEY]: runId }, page_size: 100 }).data ?? [];
const partFilesOf = (runId: string) =>
  (mock.simulator.listFiles({ page_size: 1000 }).data ?? []).filter((file) =>
    file.filename.startsWith(`${runId}-part-`),
  );
const manifestOf = (runId: string) => {
  const path = join(scratch, "state", `${runId}.json`);
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, "utf8")) as { parts: { jobId?: string; fileId?: string }[] })
    : undefined;
};

/** Kills the drive outright, then drives the run again until it finishes (after the dead one's lease expires). */
async function killAndFinish(
  runId: string,
  count: number,
  first: Drive,
  env: Record<string, string> = {},
): Promise<string[]> {
  first.child.kill("SIGKILL");
  await first.exited;
  mock.simulator.faults.clear();
  for (let attempt = 2; attempt < 10; attempt++) {
    const next = drive(runId, count, attempt, env);
    const { code, stderr } = await next.exited;
    if (code === 0) {
      const lines = readFileSync(join(scratch, `${runId}-${attempt}.jsonl`), "utf8")
        .trim()
        .split("\n");
      return lines.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id);
    }
    expect(code, stderr).toBe(75); // the dead process's lease, still running out
    await sleep(LEASE_MS / 2);
  }
  throw new Error("the run never finished");
}

function expectEachOnce(ids: string[], count: number) {
  expect(ids).toHaveLength(count);
  expect(new Set(ids).size).toBe(count);
}

function expectNoJobTwice(runId: string, parts: number) {
  const keys = jobsOf(runId).map((job) => job.metadata?.[IDEMPOTENCY_METADATA_KEY]);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toHaveLength(parts);
}

describe("a run killed with SIGKILL and started again", () => {
  it("after an upload, before its create", async () => {
    mock.simulator.faults.add({
      method: "POST",
      path: "/v1/batch/jobs",
      when: "before",
      kind: "delay",
      delay_ms: 10_000,
    });
    const first = drive("after-upload", 12_000, 1);
    await until(() => partFilesOf("after-upload").length === 1, "the upload");
    await until(() => manifestOf("after-upload")?.parts[0]?.fileId !== undefined, "the manifest to record it");
    expectEachOnce(await killAndFinish("after-upload", 12_000, first), 12_000);
    expectNoJobTwice("after-upload", 1);
    expect(partFilesOf("after-upload")).toHaveLength(1);
  }, 60_000);

  it("between the create and the manifest write", async () => {
    mock.simulator.faults.add({
      method: "POST",
      path: "/v1/batch/jobs",
      when: "after",
      kind: "delay",
      delay_ms: 10_000,
    });
    const first = drive("after-create", 12_000, 1);
    await until(() => jobsOf("after-create").length === 1, "the job");
    expect(manifestOf("after-create")?.parts[0]?.jobId).toBeUndefined();
    expectEachOnce(await killAndFinish("after-create", 12_000, first), 12_000);
    expectNoJobTwice("after-create", 1);
  }, 60_000);

  it("while waiting for its jobs", async () => {
    const first = drive("waiting", 30_000, 1, { PER_JOB: "10000" });
    await until(() => (manifestOf("waiting")?.parts.filter((p) => p.jobId).length ?? 0) >= 2, "two jobs");
    expectEachOnce(await killAndFinish("waiting", 30_000, first, { PER_JOB: "10000" }), 30_000);
    expectNoJobTwice("waiting", 3);
  }, 60_000);

  it("while reading results", async () => {
    mock.simulator.faults.add({
      method: "GET",
      path: "/v1/files/*/content",
      when: "after",
      kind: "delay",
      delay_ms: 10_000,
    });
    const first = drive("reading", 12_000, 1);
    await until(() => jobsOf("reading")[0]?.status === "SUCCESS", "the job to finish");
    await sleep(300); // the driver's next poll sees it, and it starts the download the fault holds
    expectEachOnce(await killAndFinish("reading", 12_000, first), 12_000);
    expectNoJobTwice("reading", 1);
  }, 60_000);

  it("refuses a second process on the same run id while the first drives it", async () => {
    const first = drive("two-drivers", 12_000, 1, { LEASE_MS: "30000" });
    await until(() => manifestOf("two-drivers") !== undefined, "the first to start");
    const second = drive("two-drivers", 12_000, 2, { LEASE_MS: "30000" });
    const { code, stderr } = await second.exited;
    expect(code).toBe(75);
    expect(stderr).toMatch(/^RunLockedError: Run two-drivers is being driven by another process/);
    expect((await first.exited).code).toBe(0);
  }, 60_000);

  it("killed at random instants three times, still ends with every result once and no job twice", async () => {
    let current = drive("random", 30_000, 1, { PER_JOB: "7000" });
    for (let kill = 0; kill < 3; kill++) {
      await sleep(200 + Math.floor(Math.random() * 800));
      current.child.kill("SIGKILL");
      await current.exited;
      await sleep(LEASE_MS);
      current = drive("random", 30_000, 100 + kill, { PER_JOB: "7000" });
    }
    expectEachOnce(await killAndFinish("random", 30_000, current, { PER_JOB: "7000" }), 30_000);
    expectNoJobTwice("random", 5);
  }, 120_000);
});

describe("a large run", () => {
  it("splits 250,000 requests into jobs of 100,000 and returns every custom_id exactly once", async () => {
    const run = drive("large", 250_000, 1);
    const { code, stderr } = await run.exited;
    expect(code, stderr).toBe(0);
    const ids = readFileSync(join(scratch, "large-1.jsonl"), "utf8").trim().split("\n");
    expectEachOnce(
      ids.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id),
      250_000,
    );
    expect(
      jobsOf("large")
        .map((job) => job.total_requests)
        .sort(),
    ).toEqual([100_000, 100_000, 50_000].sort());
  }, 180_000);
});
