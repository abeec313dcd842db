import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// The bin runs the built package, as it does once installed: turbo builds it before the tests.
const bin = fileURLToPath(new URL("../dist/node/bin.js", import.meta.url));
let child: ChildProcess | undefined;

/** Starts the built bin and resolves with the URL it prints. */
function start(args: string[]): Promise<string> {
  child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child?.stdout?.on("data", (data: Buffer) => {
      out += data;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child?.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

describe("mistral-batch-mock", { timeout: 30_000 }, () => {
  it("prints its URL with --port 0, serves the API with the given options and exits 0 on SIGTERM", async () => {
    const url = await start([
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--api-key",
      "k",
      "--job-duration-ms",
      "100",
      "--failure-rate",
      "0.5",
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/v1/batch/jobs`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const headers = { authorization: "Bearer k", "content-type": "application/json" };
    const body = JSON.stringify({
      endpoint: "/v1/moderations",
      requests: [{ body: { input: "a" } }, { body: { input: "b" } }],
    });
    const job = await (await fetch(`${url}/v1/batch/jobs`, { method: "POST", headers, body })).json();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const done = await (await fetch(`${url}/v1/batch/jobs/${job.id}`, { headers })).json();
    expect(done).toMatchObject({ status: "SUCCESS", succeeded_requests: 1, failed_requests: 1 });
    const exited = once(child as ChildProcess, "exit");
    child?.kill("SIGTERM");
    expect(await exited).toEqual([0, null]);
  });

  it("exits 0 on SIGINT", async () => {
    await start(["--port", "0"]);
    const exited = once(child as ChildProcess, "exit");
    child?.kill("SIGINT");
    expect(await exited).toEqual([0, null]);
  });

  it("refuses a bad flag with exit code 2 and the usage", () => {
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [bin, "--failure-rate", "2"], { stdio: "pipe" });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(2);
    expect(String(stderr)).toMatch(/--failure-rate expects a number from 0 to 1/);
  });
});
