import { type BatchJob, MistralBatch } from "@mistral-batch/client";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../../testing/launchChromium.js";
import { MOCK_TIMINGS } from "../../src/server/startUpstream.js";
import {
  chat,
  docsScreenshot,
  jobStatus,
  jsonl,
  screenshotOnFailure,
  scrollsSideways,
  seriousAxeViolations,
  signIn,
} from "./browser.js";
import { type BuiltServer, startBuiltServer } from "./startBuiltServer.js";

// 4 times faster than real time: a job is queued 0.75 s and runs 5 s. The mock's clock is the real one (only its
// jobs are quicker), so instants taken in this process and in the browser are on the mock's clock too.
const MOCK_SPEED = 4;
const JOB_MS = (MOCK_TIMINGS.queueDelayMs + MOCK_TIMINGS.jobDurationMs) / MOCK_SPEED;

let server: BuiltServer;
let browser: Browser;
let alice: Page;

beforeAll(async () => {
  server = await startBuiltServer({ MOCK_SPEED: String(MOCK_SPEED) });
  browser = await launchChromium(chromium);
  alice = await signIn(await browser.newContext({ viewport: { width: 1280, height: 900 } }), server.url, "alice");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${server.url}/api/mistral${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Resolves, in the browser, to the instant (epoch ms) the job's status first reads SUCCESS on the page. */
function whenPageShowsSuccess(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const shows = () => document.querySelector(".details .badge")?.textContent === "SUCCESS";
        if (shows()) return resolve(Date.now());
        const observer = new MutationObserver(() => {
          if (!shows()) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
  );
}

describe("live updates, retries and runs in a real browser", { timeout: 60_000 }, () => {
  it("shows SUCCESS within 2 s of the job's end on the mock's clock, with throughput, ETA and a chart meanwhile", async () => {
    screenshotOnFailure(() => browser);
    await alice.goto(`${server.url}/jobs/new`);
    await alice
      .getByLabel("JSONL file", { exact: true })
      .setInputFiles(jsonl(Array.from({ length: 40 }, (_, i) => chat(i))));
    await alice.getByText("40 requests, all valid.").waitFor();
    // The mock stamps the job's creation between these two instants, and ends it JOB_MS later.
    const beforeCreate = Date.now();
    await alice.getByRole("button", { name: "Create job" }).click();
    await alice.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const afterCreate = Date.now();
    const shown = whenPageShowsSuccess(alice);

    await alice.getByText("Time left (estimate)").waitFor();
    expect(await alice.getByText(/^\d+(\.\d)? requests\/s$/).count()).toBe(1);
    const chart = alice.getByRole("img", { name: /^Progress over time: \d+ of 40 requests done/ });
    await chart.waitFor();
    // Halfway, for the README's picture: the chart has a few points by then.
    await alice.waitForFunction(
      () => Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")) >= 50,
    );
    await docsScreenshot(alice, "job-running.png");

    const shownAt = await shown;
    const latest = shownAt - (beforeCreate + JOB_MS); // the most it can have taken
    const earliest = shownAt - (afterCreate + JOB_MS); // the least
    console.log(`SUCCESS shown ${earliest}–${latest} ms after the job's end`);
    expect(latest).toBeLessThan(2_000);
    // It did not show early either: the page follows the job, it does not guess.
    expect(earliest).toBeGreaterThan(-50);
    const jobId = alice.url().split("/").pop()!;
    const job = await api<BatchJob>(alice, `/v1/batch/jobs/${jobId}`);
    // The job's own end, in whole seconds, falls where the mock's timings put it: JOB_MS is what the mock runs.
    expect(job.completed_at).toBeGreaterThanOrEqual(Math.floor((beforeCreate + JOB_MS) / 1000));
    expect(job.completed_at).toBeLessThanOrEqual(Math.floor((afterCreate + JOB_MS) / 1000));
    expect(
      await alice.getByRole("img", { name: /^Progress over time: 40 of 40 requests done, 4 failed/ }).count(),
    ).toBe(1);
  });

  it("sums the finished job's usage from its results", async () => {
    screenshotOnFailure(() => browser);
    await alice.getByText("Summed over 36 results.").waitFor();
    const total = Number(
      (await alice.locator(".usage div", { hasText: "Total tokens" }).locator("dd").textContent())?.replace(/,/g, ""),
    );
    const jobId = alice.url().split("/").pop()!;
    const job = await api<BatchJob>(alice, `/v1/batch/jobs/${jobId}`);
    const output = await alice.request.get(`${server.url}/api/mistral/v1/files/${job.output_file}/content`);
    const expected = (await output.text())
      .trim()
      .split("\n")
      .reduce((sum, line) => sum + (JSON.parse(line).response.body.usage?.total_tokens ?? 0), 0);
    expect(total).toBe(expected);
    expect(total).toBeGreaterThan(0);
  });

  it("retries the failed requests of a finished job: one new job of exactly those lines, opened at once", async () => {
    screenshotOnFailure(() => browser);
    const parentId = alice.url().split("/").pop()!;
    const parent = await api<BatchJob>(alice, `/v1/batch/jobs/${parentId}`);
    expect(parent.failed_requests).toBe(4);
    const errors = await alice.request.get(`${server.url}/api/mistral/v1/files/${parent.error_file}/content`);
    const failedIds = (await errors.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).custom_id as string)
      .sort();
    await docsScreenshot(alice, "job-finished.png");
    expect(await seriousAxeViolations(alice)).toEqual([]);

    await alice.getByRole("button", { name: "Retry failed requests" }).click();
    await alice.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(parentId));
    const retryId = alice.url().split("/").pop()!;
    await alice.getByText("Retries the failed requests of job").waitFor();
    await alice.getByRole("link", { name: parentId.slice(0, 8) }).waitFor();
    await expect.poll(() => jobStatus(alice), { timeout: 20_000 }).toBe("SUCCESS");

    const retry = await api<BatchJob>(alice, `/v1/batch/jobs/${retryId}`);
    expect(retry.total_requests).toBe(4);
    expect(retry.metadata).toMatchObject({ retry_of: parentId, owner: "alice" });
    const input = await alice.request.get(`${server.url}/api/mistral/v1/files/${retry.input_files[0]}/content`);
    const resent = (await input.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).custom_id as string)
      .sort();
    expect(resent).toEqual(failedIds);

    // A second click on the parent opens the same retry job: nothing is created twice.
    await alice.goto(`${server.url}/jobs/${parentId}`);
    await alice.getByRole("button", { name: "Retry failed requests" }).click();
    await alice.waitForURL(`${server.url}/jobs/${retryId}`);
    const list = await api<{ total: number }>(alice, "/v1/batch/jobs");
    expect(list.total).toBe(2);
  });

  it("shows a run of several jobs as one item of the list with its jobs, and on a page of its own", async () => {
    screenshotOnFailure(() => browser);
    const cookies = await alice.context().cookies(server.url);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const mistral = new MistralBatch({ serverURL: `${server.url}/api/mistral`, headers: { cookie } });
    const requests = Array.from({ length: 25 }, (_, i) => ({ custom_id: `doc-${i}`, body: { input: [`text ${i}`] } }));
    const run = await mistral.batch.run(
      { endpoint: "/v1/embeddings", model: "mistral-embed", requests },
      { runId: "nightly-embeddings", maxRequestsPerJob: 10, maxAttempts: 1, pollIntervalMs: 250 },
    );
    const summary = run.summary();
    // The run makes its three jobs as it reads its input; the list then shows them all.
    await expect
      .poll(async () => (await api<{ total: number }>(alice, "/v1/batch/jobs")).total, { timeout: 10_000 })
      .toBe(5);

    await alice.goto(server.url);
    const runRow = alice.getByRole("row", { name: /run nightly-embeddings/i });
    await runRow.getByRole("button", { name: "Show its 3 jobs" }).waitFor({ timeout: 20_000 });
    // Three jobs, one item: no row of its own for any of them until the run is opened.
    expect(await alice.locator("tr.run-part").count()).toBe(0);
    await runRow.getByRole("button", { name: "Show its 3 jobs" }).click();
    expect(await alice.locator("tr.run-part").count()).toBe(3);
    const runBar = runRow.getByRole("progressbar", { name: "Progress of run nightly-embeddings" });
    // Under way, for the README's picture of the list.
    await expect
      .poll(async () => Number(await runBar.getAttribute("aria-valuenow")), { timeout: 20_000 })
      .toBeGreaterThan(20);
    await docsScreenshot(alice, "dashboard.png");
    expect(await seriousAxeViolations(alice)).toEqual([]);

    await runRow.getByRole("link", { name: "Run nightly-embeddings" }).click();
    await alice.getByRole("heading", { name: "Run nightly-embeddings" }).waitFor();
    expect(await alice.getByRole("table").getByRole("row").count()).toBe(4); // a header and three jobs
    expect((await summary).total).toBe(25);
    await expect
      .poll(
        () =>
          alice.getByRole("progressbar", { name: "Progress of run nightly-embeddings" }).getAttribute("aria-valuenow"),
        {
          timeout: 20_000,
        },
      )
      .toBe("100");
    await docsScreenshot(alice, "run.png");
    expect(await seriousAxeViolations(alice)).toEqual([]);
    await alice.setViewportSize({ width: 390, height: 844 });
    expect(await scrollsSideways(alice)).toBe(false);
    await alice.setViewportSize({ width: 1280, height: 900 });
  });
});
