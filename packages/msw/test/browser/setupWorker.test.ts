// The README's second example for real: `setupWorker` in headless chromium, our client's fetch calls answered by
// msw's service worker from the simulator in the page (test/browser/entry.ts). Nothing is mocked but the API itself.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium } from "../../../../testing/launchChromium.js";
import { type FixtureServer, serveFixture } from "./serveFixture.js";

// Every host name but the fixture server's fails to resolve: a call that escaped the worker could not succeed.
const NO_NETWORK = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: FixtureServer;
let browser: Browser;
let page: Page;
/** The page's console errors and warnings and its uncaught errors, printed when a test fails. */
const log: string[] = [];
/** The answers the page got from the API during the current test, and whether the service worker gave each. */
let apiResponses: Array<{ url: string; fromServiceWorker: boolean }> = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([serveFixture(), launchChromium(chromium, [NO_NETWORK])]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") log.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.url().startsWith("https://api.mistral.ai/")) {
      apiResponses.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
    }
  });
  await page.goto(server.url);
  await page
    .waitForFunction(() => window.batchFixture !== undefined)
    .catch((error: Error) => {
      throw new Error(`the page did not start the worker: ${error.message}\n${log.join("\n")}`);
    });
});

beforeEach(({ onTestFailed }) => {
  apiResponses = [];
  onTestFailed(() => console.error(`the page's log:\n${log.join("\n")}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Chromium saw `count` answers from the API, each given by the service worker: none came from a network. */
function expectAnsweredByWorker(count: number) {
  expect(apiResponses.filter((response) => !response.fromServiceWorker)).toEqual([]);
  expect(apiResponses).toHaveLength(count);
}

describe("batchHandlers with setupWorker in chromium", () => {
  it("runs under msw's service worker, served from the page's origin", async () => {
    expect(await page.evaluate(() => window.batchFixture!.controller)).toBe(`${server.url}/mockServiceWorker.js`);
  });

  it("creates a job of inline requests, lists it, reads it and its results as the clock moves", async () => {
    const report = await page.evaluate(() => window.batchFixture!.inlineJob());
    expect(report.created).toEqual({ id: expect.stringMatching(UUID), status: "QUEUED", total_requests: 4 });
    expect(report.simulatorStatus).toBe("SUCCESS");
    expect(report.listed).toEqual({ total: 1, ids: [report.created.id] });
    expect(report.queued).toBe("QUEUED");
    expect(report.running).toEqual({ status: "RUNNING", completed_requests: 2 });
    expect(report.done).toEqual({
      status: "SUCCESS",
      succeeded_requests: 3,
      failed_requests: 1,
      hasOutputFile: true,
      hasErrorFile: true,
    });
    // Downloaded from the output file and the error file: request 3 is the one in four that fails.
    expect(report.results).toEqual([
      { custom_id: "r0", status_code: 200, failed: false },
      { custom_id: "r1", status_code: 200, failed: false },
      { custom_id: "r2", status_code: 200, failed: false },
      { custom_id: "r3", status_code: null, failed: true },
    ]);
    // create, list, 3 gets, 2 downloads
    expect(report.seen).toEqual({ matched: 7, unhandled: [] });
    expectAnsweredByWorker(7);
  });

  it("uploads JSONL as a File and as a stream, and runs a job on the file", async () => {
    const report = await page.evaluate(() => window.batchFixture!.fileJob());
    expect(report.uploaded).toEqual({ id: expect.stringMatching(UUID), filename: "questions.jsonl", purpose: "batch" });
    expect(report.simulatorFile).toBe("questions.jsonl");
    expect(report.retrieved).toEqual({ num_lines: 8, bytes: report.bytesSent });
    expect(report.streamed).toEqual({ filename: "batch.jsonl", num_lines: 8 });
    expect(report.created).toEqual({ status: "QUEUED", input_files: [report.uploaded.id], total_requests: 8 });
    expect(report.done).toEqual({ status: "SUCCESS", succeeded_requests: 6, failed_requests: 2 });
    expect(report.results.map((result) => result.custom_id)).toEqual(Array.from({ length: 8 }, (_, i) => `r${i}`));
    expect(report.results.filter((result) => result.failed).map((result) => result.custom_id)).toEqual(["r3", "r7"]);
    // 2 uploads, retrieve, create, get, 2 downloads
    expect(report.seen).toEqual({ matched: 7, unhandled: [] });
    expectAnsweredByWorker(7);
  });

  it("answers a schema error with 422, a refused input file with 400, an unknown job with 404, a wrong key with 401", async () => {
    const report = await page.evaluate(() => window.batchFixture!.failures());
    expect(report.schema).toEqual({
      status: 422,
      body: { detail: [{ loc: ["body", "requests", 0, "body"], msg: "Field required", type: "missing" }] },
    });
    expect(report.badInputFile).toMatchObject({
      name: "SDKError",
      isSdkError: true,
      statusCode: 400,
      body: { object: "error", type: "invalid_request_error", code: "invalid_batch_input" },
    });
    expect(report.unknownJob).toMatchObject({ isSdkError: true, statusCode: 404, body: { code: "job_not_found" } });
    expect(report.wrongKey).toMatchObject({ isSdkError: true, statusCode: 401, body: { message: "Unauthorized" } });
    expect(report.jobsInSimulator).toBe(0);
    // the raw create, upload, create, get, list
    expect(report.seen).toEqual({ matched: 5, unhandled: [] });
    expectAnsweredByWorker(5);
  });
});
