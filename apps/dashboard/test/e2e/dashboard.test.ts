import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../../testing/launchChromium.js";
import {
  chat,
  createJobFromFile as createJob,
  jobStatus,
  jsonl,
  screenshotOnFailure as screenshotsOf,
  signIn as signInAt,
} from "./browser.js";
import { type BuiltServer, startBuiltServer } from "./startBuiltServer.js";

// The built server on the built-in mock, 4 times faster than real time: a job ends in about 6 seconds.
const MOCK_SPEED = "4";

let server: BuiltServer;
let browser: Browser;
let alice: Page;

const signIn = (context: Parameters<typeof signInAt>[0], user: string) => signInAt(context, server.url, user);
const createJobFromFile = (page: Page, lines: unknown[]) => createJob(page, server.url, lines);
const screenshotOnFailure = () => screenshotsOf(() => browser);

beforeAll(async () => {
  server = await startBuiltServer({ MOCK_SPEED });
  browser = await launchChromium(chromium);
  alice = await signIn(await browser.newContext({ viewport: { width: 1280, height: 900 } }), "alice");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the dashboard in a real browser, on the built-in mock", { timeout: 60_000 }, () => {
  it("says it runs on the mock and that sign-in is a demo, and starts empty", async () => {
    screenshotOnFailure();
    expect(server.output()).toContain("using the built-in mock Mistral API");
    expect(await alice.getByRole("note").filter({ hasText: "Built-in mock" }).count()).toBe(1);
    expect(await alice.getByRole("note").filter({ hasText: "Demo sign-in" }).count()).toBe(1);
    await alice.getByText("No jobs yet.").waitFor();
  });

  it("refuses a bad JSONL file, naming its bad lines, and sends nothing", async () => {
    screenshotOnFailure();
    await alice.getByRole("link", { name: "New job" }).click();
    await alice
      .getByLabel("JSONL file", { exact: true })
      .setInputFiles(jsonl([chat(1), "{not json", chat(1), { custom_id: "no-body" }, chat(5)]));
    const report = alice.getByRole("alert");
    await report.getByText("3 invalid lines").waitFor();
    const items = await report.getByRole("listitem").allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^Line 2: not valid JSON/),
      'Line 3: custom_id "line-1" is used by an earlier line',
      "Line 4: body must be an object",
    ]);
    await alice.getByRole("button", { name: "Create job" }).click();
    expect(new URL(alice.url()).pathname).toBe("/jobs/new");
    const list = await alice.request.get(`${server.url}/api/mistral/v1/batch/jobs`);
    expect((await list.json()).total).toBe(0);
  });

  it("creates a job from a JSONL file and follows its progress bar to 100% and SUCCESS", async () => {
    screenshotOnFailure();
    const lines = Array.from({ length: 20 }, (_, i) => chat(i + 1));
    await createJobFromFile(alice, lines);
    const bar = alice.getByRole("progressbar");
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          seen.push(Number(await bar.getAttribute("aria-valuenow")));
          return seen.at(-1);
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(100);
    // The bar moved on its own: it started below 100 and never went back.
    expect(seen[0]).toBeLessThan(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await expect.poll(() => jobStatus(alice), { timeout: 10_000 }).toBe("SUCCESS");
    expect(await bar.getAttribute("aria-valuetext")).toBe("100%: 20 of 20 requests, 2 failed");
  });

  it("reads a result by custom_id and downloads the output file", async () => {
    screenshotOnFailure();
    await alice.getByText("20 results read").waitFor();
    await alice.getByLabel("Search results by custom_id").fill("line-17");
    await alice.getByText("20 results read, 1 matching.").waitFor();
    const row = alice.getByRole("row", { name: /line-17/ });
    await row.getByText("Show response body").click();
    const body = JSON.parse((await row.locator("pre").textContent()) ?? "");
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0].message.content).toEqual(expect.any(String));

    const [download] = await Promise.all([
      alice.waitForEvent("download"),
      alice.getByRole("link", { name: "Download output file" }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const ids = (await readFile(path, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).custom_id);
    // 10% of the mock's requests fail: those are in the error file, the rest here.
    expect(ids).toHaveLength(18);
    expect(ids).toContain("line-17");
  });

  it("cancels a running job after confirmation", async () => {
    screenshotOnFailure();
    await alice.goto(`${server.url}/jobs/new`);
    await alice.getByLabel("Write requests inline").check();
    await alice.getByText("3 requests, all valid.").waitFor();
    await alice.getByRole("button", { name: "Create job" }).click();
    await alice.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await alice.getByRole("button", { name: "Cancel job" }).click();
    await alice.getByRole("alertdialog").getByRole("button", { name: "Yes, cancel job" }).click();
    await expect.poll(() => jobStatus(alice), { timeout: 15_000 }).toBe("CANCELLED");
    expect(Number(await alice.getByRole("progressbar").getAttribute("aria-valuenow"))).toBeLessThan(100);
    expect(await alice.getByRole("button", { name: "Cancel job" }).count()).toBe(0);
  });

  it("deletes a job after confirmation, and it leaves the list", async () => {
    screenshotOnFailure();
    const jobId = new URL(alice.url()).pathname.split("/").pop()!;
    await alice.getByRole("button", { name: "Delete job" }).click();
    await alice.getByRole("alertdialog").getByRole("button", { name: "Yes, delete job" }).click();
    await alice.waitForURL(`${server.url}/`);
    await alice.getByRole("table").getByText("1 job, page 1 of 1").waitFor();
    expect(await alice.getByRole("link", { name: `Open job ${jobId}` }).count()).toBe(0);
    const gone = await alice.request.get(`${server.url}/api/mistral/v1/batch/jobs/${jobId}`);
    expect(gone.status()).toBe(404);
  });

  it("shows a second user none of the first user's jobs", async () => {
    screenshotOnFailure();
    const aliceJobs = await (await alice.request.get(`${server.url}/api/mistral/v1/batch/jobs`)).json();
    expect(aliceJobs.total).toBe(1);
    const bob = await signIn(await browser.newContext(), "bob");
    await bob.getByText("No jobs yet.").waitFor();
    expect(await bob.getByRole("table").count()).toBe(0);
    await bob.goto(`${server.url}/jobs/${aliceJobs.data[0].id}`);
    await bob.getByText("belongs to another user").waitFor();
    const bobJobs = await (await bob.request.get(`${server.url}/api/mistral/v1/batch/jobs`)).json();
    expect(bobJobs.total).toBe(0);
    await bob.context().close();
  });

  it("pictures the status mix of a busy list, and says it in words", async () => {
    screenshotOnFailure();
    // A few more jobs through the same proxy, so the list shows several states at once.
    for (const [endpoint, model] of [
      ["/v1/embeddings", "mistral-embed"],
      ["/v1/moderations", "mistral-moderation-latest"],
      ["/v1/chat/completions", "mistral-large-latest"],
    ]) {
      const requests = Array.from({ length: 40 }, (_, i) => ({ custom_id: `r${i}`, body: { input: [`text ${i}`] } }));
      const created = await alice.request.post(`${server.url}/api/mistral/v1/batch/jobs`, {
        data: { endpoint, model, requests, metadata: { project: "demo" } },
      });
      expect(created.status()).toBe(200);
    }
    await alice.goto(server.url);
    await alice.getByRole("table").getByText("4 jobs, page 1 of 1").waitFor();
    const picture = alice.getByRole("img", { name: /^Status of the jobs shown: / });
    const words = (await picture.getAttribute("aria-label"))!.replace("Status of the jobs shown: ", "").split(", ");
    const counts = words.map((word) => Number(word.split(" ")[0]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(words).toContain("1 SUCCESS"); // the first job; the three new ones are queued or running
    // The legend says the same in visible text, one item per status.
    expect(await alice.locator(".mix-legend li").allTextContents()).toEqual(words);
  });
});
