import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IDEMPOTENCY_METADATA_KEY } from "@mistral-batch/client";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, runCliOnTerminal } from "./runCli.js";

let mock: MockServer;
let dir: string;

beforeAll(async () => {
  mock = await startMockServer({ queueDelayMs: 50, jobDurationMs: 300, cancelDelayMs: 50 });
  dir = await mkdtemp(join(tmpdir(), "mistral-batch-run-"));
});
afterAll(() => mock.close());

const LEASE_MS = 1_000;
const RUN_FLAGS = ["--endpoint", "/v1/moderations", "--model", "mistral-moderation-latest"];

/** Each test its own file (so its own derived run id), state directory and output. */
async function setUp(name: string, count: number) {
  const file = join(dir, `${name}.jsonl`);
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ custom_id: `${name}-${i}`, body: { input: `t${i}` } }),
  );
  await writeFile(file, `${lines.join("\n")}\n`);
  const output = join(dir, `${name}.out.jsonl`);
  const env = {
    MISTRAL_API_KEY: "test-key",
    MISTRAL_SERVER_URL: mock.url,
    MISTRAL_BATCH_STATE_DIR: join(dir, `${name}-state`),
  };
  return { file, output, env, args: ["run", file, ...RUN_FLAGS, "--output", output] };
}

async function outputIds(output: string): Promise<string[]> {
  const text = await readFile(output, "utf8");
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const result = JSON.parse(line) as { custom_id: string; attempts: number; response: unknown; error: unknown };
      expect(Object.keys(result).sort()).toEqual(["attempts", "custom_id", "error", "response"]);
      return result.custom_id;
    });
}

function expectEachOnce(ids: string[], name: string, count: number) {
  expect(ids).toHaveLength(count);
  expect(new Set(ids)).toEqual(new Set(Array.from({ length: count }, (_, i) => `${name}-${i}`)));
}

/** The jobs of a run on a mock, after checking that no idempotency key made two. */
function jobsOf(server: MockServer, runId: string | undefined) {
  const jobs = server.simulator.listJobs({ metadata: { run_id: runId ?? "?" }, page_size: 100 }).data ?? [];
  const keys = jobs.map((job) => job.metadata?.[IDEMPOTENCY_METADATA_KEY]);
  expect(new Set(keys).size).toBe(keys.length);
  return jobs;
}

/** Starts the bin without waiting for it; `stderr()` is what it wrote so far. */
function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "", ...env } });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
  return { child, done, stderr: () => stderr, runId: () => /Run (run-[0-9a-f]+):/.exec(stderr)?.[1] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 20_000; !condition(); await sleep(5)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

describe("mistral-batch run", () => {
  it("runs a 20,000-line file end to end: every custom_id once, a summary, exit 0", async () => {
    const { args, env, output } = await setUp("whole", 20_000);
    const run = await runCli(args, env);
    expect(run.code, run.stderr).toBe(0);
    expectEachOnce(await outputIds(output), "whole", 20_000);
    expect(run.stderr).toMatch(/Wrote 20000 results to .*: 20000 succeeded, 0 failed \(0 retried\)/);
    expect(run.stderr).not.toContain("\r"); // a pipe gets plain lines, without cursor codes
    expect(run.stderr).not.toContain("\u001b[");
  }, 60_000);

  it("draws a live bar on a terminal", async () => {
    const { args, env, output } = await setUp("terminal", 2_000);
    const run = await runCliOnTerminal(args, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\r\[[#.]{24}\] \d+\/2000 \d+%/);
    expect(run.stdout).toContain("\u001b[K");
    expectEachOnce(await outputIds(output), "terminal", 2_000);
  }, 60_000);

  it("refuses a bad file before sending anything, listing every bad line by number", async () => {
    const { file, args, env, output } = await setUp("bad", 50);
    const lines = (await readFile(file, "utf8")).split("\n");
    lines[4] = '{"custom_id": "bad-4"}';
    lines[9] = "{not json";
    lines[20] = JSON.stringify({ custom_id: "bad-0", body: {} });
    await writeFile(file, lines.join("\n"));
    const before = mock.simulator.listFiles().total;
    const run = await runCli(args, env);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").slice(0, 3)).toEqual([
      `${file}:5: body must be an object`,
      expect.stringMatching(new RegExp(`^${file}:10: not valid JSON \\(`)),
      `${file}:21: custom_id "bad-0" is used by an earlier line`,
    ]);
    expect(run.stderr).toMatch(/mistral-batch: .*bad\.jsonl: 3 bad lines, nothing was sent\n$/);
    expect(mock.simulator.listFiles().total).toBe(before);
    await expect(readdir(dir)).resolves.not.toContain(output);
  });

  it("prints its summary as JSON with --json, and exits 3 when requests failed for good", async () => {
    const flaky = await startMockServer({ queueDelayMs: 20, jobDurationMs: 100, failureRate: 0.1 });
    try {
      const { args, env } = await setUp("json", 100);
      const run = await runCli([...args, "--json", "--max-attempts", "1"], { ...env, MISTRAL_SERVER_URL: flaky.url });
      expect(run.code, run.stderr).toBe(3);
      const summary = JSON.parse(run.stdout) as { runId: string; total: number; failed: number; succeeded: number };
      expect(summary).toMatchObject({ total: 100, failed: 10, succeeded: 90 });
      expect(summary.runId).toMatch(/^run-[0-9a-f]{20}$/);
    } finally {
      await flaky.close();
    }
  });

  it("takes a second process on the same file for the same run, and refuses it while the first drives", async () => {
    const { args, env } = await setUp("locked", 5_000);
    const first = start(args, env);
    await until(() => first.runId() !== undefined, "the first to hold the run");
    const second = await runCli(args, env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^mistral-batch: Run run-[0-9a-f]+ is being driven by another process/m);
    expect((await first.done).code).toBe(0);
  }, 60_000);

  it("stops on Ctrl-C saying how to resume, and the same command resumes it without a second job", async () => {
    const { args, env, output } = await setUp("ctrlc", 12_000);
    const first = start(args, env);
    await until(() => jobsOf(mock, first.runId()).length === 1, "the job");
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(
      `Stopped; its jobs keep running. Run the same command again to resume run ${first.runId()}`,
    );
    expect(jobsOf(mock, first.runId())[0]?.status).not.toMatch(/CANCEL/);
    const again = await runCli(args, env);
    expect(again.code, again.stderr).toBe(0);
    expectEachOnce(await outputIds(output), "ctrlc", 12_000);
    expect(jobsOf(mock, first.runId())).toHaveLength(1);
  }, 60_000);

  it("with --cancel-on-abort, Ctrl-C cancels the run's jobs, and the same command then says it was cancelled", async () => {
    const { args, env } = await setUp("cancel", 12_000);
    const first = start([...args, "--cancel-on-abort"], env);
    await until(() => jobsOf(mock, first.runId()).length === 1, "the job");
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`Cancelled run ${first.runId()} and its jobs`);
    expect(jobsOf(mock, first.runId())[0]?.status).toMatch(/^CANCEL/);
    const again = await runCli(args, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/was cancelled; start a new run/);
  }, 60_000);
});

describe("mistral-batch run killed with SIGKILL, then the same command again", () => {
  // A slower mock: jobs run 2 s, long enough to be killed while waiting for them.
  let slow: MockServer;
  beforeAll(async () => {
    slow = await startMockServer({ queueDelayMs: 50, jobDurationMs: 2_000 });
  });
  afterAll(() => slow.close());

  async function killThenRerun(name: string, when: (first: ReturnType<typeof start>, output: string) => Promise<void>) {
    const setup = await setUp(name, 20_000);
    const env = { ...setup.env, MISTRAL_SERVER_URL: slow.url, MISTRAL_BATCH_LEASE_MS: String(LEASE_MS) };
    const first = start(setup.args, env);
    await when(first, setup.output);
    first.child.kill("SIGKILL");
    await first.done;
    slow.simulator.faults.clear();
    const locked = await runCli(setup.args, env); // the dead process's lease has not expired yet
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/is being driven by another process/);
    await sleep(LEASE_MS);
    const again = await runCli(setup.args, env);
    expect(again.code, again.stderr).toBe(0);
    expectEachOnce(await outputIds(setup.output), name, 20_000);
    expect(jobsOf(slow, first.runId())).toHaveLength(1);
    expect((await readdir(dir)).filter((entry) => entry.includes(".partial"))).toEqual([]);
  }

  it("during the upload", async () => {
    await killThenRerun("kill-upload", async (first) => {
      slow.simulator.faults.add({ method: "POST", path: "/v1/files", kind: "delay", delay_ms: 10_000 });
      await until(() => first.runId() !== undefined, "the run to start");
      await sleep(300);
      expect(jobsOf(slow, first.runId())).toHaveLength(0);
    });
  }, 60_000);

  it("while waiting for the job", async () => {
    await killThenRerun("kill-wait", async (first) => {
      await until(() => jobsOf(slow, first.runId())[0]?.status === "RUNNING", "the job to run");
    });
  }, 60_000);

  it("while writing the results", async () => {
    await killThenRerun("kill-write", async (_first, output) => {
      const partial = () =>
        readdir(dir).then((entries) => entries.find((e) => e.startsWith(`.${output.split("/").pop()}.`)));
      for (;;) {
        const name = await partial();
        if (name && (await stat(join(dir, name))).size > 100_000) return;
        await sleep(2);
      }
    });
  }, 60_000);
});
