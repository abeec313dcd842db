import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MistralBatch, toJsonl } from "@mistral-batch/client";
import { type MockServer, startMockServer } from "@mistral-batch/msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliOnTerminal } from "./runCli.js";

let mock: MockServer;
let env: Record<string, string>;
let client: MistralBatch;
// Jobs that stay QUEUED for a minute: a cancel or an early read reaches a live job, however slowly the CLI starts.
let queued: MockServer;
let queuedEnv: Record<string, string>;
let dir: string;

beforeAll(async () => {
  // Jobs run in 200 ms of real time, so `jobs wait` ends quickly.
  mock = await startMockServer({ queueDelayMs: 50, jobDurationMs: 150, cancelDelayMs: 50 });
  env = { MISTRAL_API_KEY: "test-key", MISTRAL_SERVER_URL: mock.url };
  client = new MistralBatch({ apiKey: "test-key", serverURL: mock.url });
  queued = await startMockServer({ queueDelayMs: 60_000, cancelDelayMs: 50 });
  queuedEnv = { MISTRAL_API_KEY: "test-key", MISTRAL_SERVER_URL: queued.url };
  dir = await mkdtemp(join(tmpdir(), "mistral-batch-cli-"));
});

afterAll(() => Promise.all([mock.close(), queued.close()]));

const requests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ custom_id: `r${i}`, body: { input: `text ${i}` } }));

async function inlineJob(n = 3, on = client) {
  return on.batch.jobs.create({
    endpoint: "/v1/moderations",
    model: "mistral-moderation-latest",
    requests: requests(n),
  });
}

/** No stack trace and one line: what every error on stderr must look like. */
function expectOneLineError(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(/^mistral-batch: .+\n$/);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("usage", () => {
  it("prints its usage with --help and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: mistral-batch COMMAND");
    expect(run.stdout).toContain("Exit codes:");
  });

  it("says what to set when there is neither a key nor a server URL, with exit code 2", async () => {
    const run = await runCli(["jobs", "list"]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, /set MISTRAL_API_KEY .* --server-url/);
  });

  it.each([
    [["nope"], /unknown command nope/],
    [["jobs", "explode"], /unknown command jobs explode \(jobs takes list, get, cancel, delete, wait\)/],
    [["jobs", "get"], /jobs get: missing ID/],
    [["jobs", "get", "a", "b"], /unexpected argument b/],
    [["jobs", "list", "--colour"], /Unknown option '--colour'/],
    [["jobs", "list", "--page-size", "0"], /--page-size takes an integer of at least 1/],
    [["results", "x"], /results: --output is required/],
  ])("refuses %j with exit code 2", async (args, message) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr, message);
  });
});

describe("jobs", () => {
  it("lists jobs as a table, and as JSON with --json", async () => {
    const job = await inlineJob();
    const table = await runCli(["jobs", "list", "--page-size", "100"], env);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+STATUS\s+ENDPOINT\s+MODEL\s+DONE\s+CREATED$/);
    expect(table.stdout).toContain(job.id);
    const json = await runCli(["jobs", "list", "--json"], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).data.map((j: { id: string }) => j.id)).toContain(job.id);
    const filtered = await runCli(["jobs", "list", "--json", "--status", "FAILED", "--status", "CANCELLED"], env);
    expect(JSON.parse(filtered.stdout).data.map((j: { id: string }) => j.id)).not.toContain(job.id);
  });

  it("gets, waits for, cancels and deletes a job", async () => {
    const job = await inlineJob();
    const got = await runCli(["jobs", "get", job.id, "--json"], env);
    expect(JSON.parse(got.stdout).id).toBe(job.id);

    const waited = await runCli(["jobs", "wait", job.id, "--json"], env);
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout).status).toBe("SUCCESS");
    // On a pipe: plain lines, no cursor codes.
    expect(waited.stderr).toMatch(/^SUCCESS 3\/3 100% · 3 succeeded, 0 failed/m);
    expect(waited.stderr).not.toContain("\r");
    expect(waited.stderr).not.toContain("\u001b");

    const other = await inlineJob(3, new MistralBatch({ apiKey: "test-key", serverURL: queued.url }));
    const cancelled = await runCli(["jobs", "cancel", other.id], queuedEnv);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(/status\s+CANCELLATION_REQUESTED/);
    const waitedCancelled = await runCli(["jobs", "wait", other.id], queuedEnv);
    expect(waitedCancelled.code).toBe(1);

    const deleted = await runCli(["jobs", "delete", job.id], env);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`Deleted job ${job.id}\n`);
    const gone = await runCli(["jobs", "get", job.id], env);
    expect(gone.code).toBe(1);
    expectOneLineError(gone.stderr, /404/);
  });

  it("draws a live progress bar on a terminal", async () => {
    const job = await inlineJob(4);
    const run = await runCliOnTerminal(["jobs", "wait", job.id], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\r(SUCCESS|RUNNING|QUEUED) \[[#.]{24}\] \d+\/4/);
    expect(run.stdout).toContain("\u001b[K");
  });

  it("refuses a job id that is no UUID before any request, with exit code 1", async () => {
    const run = await runCli(["jobs", "get", "job-1"], env);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /Invalid job_id: expected a UUID/);
  });

  it("says to check the key on a 401", async () => {
    const guarded = await startMockServer({ apiKey: "right" });
    try {
      const run = await runCli(["jobs", "list"], { MISTRAL_API_KEY: "wrong", MISTRAL_SERVER_URL: guarded.url });
      expect(run.code).toBe(1);
      expectOneLineError(run.stderr, /401.*check MISTRAL_API_KEY/);
    } finally {
      await guarded.close();
    }
  });
});

describe("results and files", () => {
  it("writes a finished job's results, every custom_id once, and exits 0", async () => {
    const job = await inlineJob(50);
    await client.batch.jobs.wait({ job_id: job.id }, { intervalMs: 50 });
    const output = join(dir, "results.jsonl");
    const run = await runCli(["results", job.id, "--output", output], env);
    expect(run.code).toBe(0);
    const lines = (await readFile(output, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.custom_id).sort()).toEqual(
      requests(50)
        .map((r) => r.custom_id)
        .sort(),
    );
    expect(lines[0]).toEqual({ custom_id: expect.any(String), response: expect.any(Object), error: null });
    expect(run.stderr).toBe(`Wrote 50 results to ${output}: 50 succeeded, 0 failed\n`);
    expect((await readdir(dir)).filter((name) => name.includes(".partial"))).toEqual([]);
  });

  it("exits 3 when some requests failed", async () => {
    const failing = await startMockServer({ queueDelayMs: 10, jobDurationMs: 50, failureRate: 0.5 });
    try {
      const own = new MistralBatch({ apiKey: "k", serverURL: failing.url });
      const job = await own.batch.jobs.create({ endpoint: "/v1/moderations", model: "m", requests: requests(10) });
      await own.batch.jobs.wait({ job_id: job.id }, { intervalMs: 20 });
      const output = join(dir, "half.jsonl");
      const run = await runCli(["results", job.id, "--output", output], {
        MISTRAL_API_KEY: "k",
        MISTRAL_SERVER_URL: failing.url,
      });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/: 5 succeeded, 5 failed\n$/);
    } finally {
      await failing.close();
    }
  });

  it("refuses the results of a running job and writes no file", async () => {
    const job = await inlineJob(3, new MistralBatch({ apiKey: "test-key", serverURL: queued.url }));
    const output = join(dir, "early.jsonl");
    const run = await runCli(["results", job.id, "--output", output], queuedEnv);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /is (QUEUED|RUNNING): wait for it first/);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/);
  });

  it("uploads a file, prints its id, and downloads it again", async () => {
    const input = join(dir, "requests.jsonl");
    const content = await new Response(toJsonl(requests(5))).text();
    await writeFile(input, content);
    const uploaded = await runCli(["files", "upload", input], env);
    expect(uploaded.code).toBe(0);
    const fileId = uploaded.stdout.trim();
    expect((await client.files.retrieve({ file_id: fileId })).purpose).toBe("batch");
    const output = join(dir, "copy.jsonl");
    const downloaded = await runCli(["files", "download", fileId, "--output", output], env);
    expect(downloaded.code).toBe(0);
    expect(await readFile(output, "utf8")).toBe(content);
  });

  it("says which file is missing", async () => {
    const run = await runCli(["files", "upload", join(dir, "missing.jsonl")], env);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /No such file: .*missing\.jsonl/);
  });
});
