import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../../testing/launchChromium.js";
import {
  chat,
  createJobFromFile,
  docsScreenshot,
  screenshotOnFailure,
  scrollsSideways,
  seriousAxeViolations,
  signIn,
} from "./browser.js";
import { type BuiltServer, startBuiltServer } from "./startBuiltServer.js";

let server: BuiltServer;
let browser: Browser;
let desktop: Page;
let phone: Page;
let jobId: string;

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

beforeAll(async () => {
  server = await startBuiltServer({ MOCK_SPEED: "8" });
  browser = await launchChromium(chromium);
  desktop = await signIn(await browser.newContext({ viewport: VIEWPORTS.desktop }), server.url, "dora");
  // A phone: its viewport, touch, and the same user in a context of its own.
  phone = await signIn(
    await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    server.url,
    "dora",
  );
  jobId = await createJobFromFile(
    desktop,
    server.url,
    Array.from({ length: 30 }, (_, i) => chat(i)),
  );
  await desktop.locator(".details .badge", { hasText: "SUCCESS" }).waitFor({ timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every page of the app, each with what shows it has rendered. */
const PAGES: Array<{ name: string; path: () => string; ready: (page: Page) => Promise<unknown> }> = [
  { name: "jobs list", path: () => "/", ready: (page) => page.getByRole("table").waitFor() },
  {
    name: "filtered list",
    path: () => "/?status=SUCCESS&pageSize=10",
    ready: (page) => page.getByRole("table").getByText("1 job, page 1 of 1").waitFor(),
  },
  {
    name: "new job",
    path: () => "/jobs/new",
    ready: (page) =>
      page
        .getByLabel("Inline requests")
        .or(page.getByLabel("JSONL file", { exact: true }))
        .waitFor(),
  },
  { name: "finished job", path: () => `/jobs/${jobId}`, ready: (page) => page.getByText("30 results read").waitFor() },
  {
    name: "missing job",
    path: () => "/jobs/00000000-0000-4000-8000-000000000000",
    ready: (page) => page.getByText("belongs to another user").waitFor(),
  },
  { name: "run", path: () => "/runs/no-such-run", ready: (page) => page.getByText("No job of run").waitFor() },
  {
    name: "unknown path",
    path: () => "/nowhere",
    ready: (page) => page.getByRole("heading", { name: "Page not found" }).waitFor(),
  },
];

describe("accessibility and small screens, in a real browser", { timeout: 60_000 }, () => {
  it.each(PAGES)(
    "$name: no serious or critical axe-core violation, on a desktop and on a 390 px phone",
    async ({ path, ready }) => {
      screenshotOnFailure(() => browser);
      for (const page of [desktop, phone]) {
        await page.goto(`${server.url}${path()}`);
        await ready(page);
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
    },
  );

  it.each(PAGES)("$name: no sideways scroll at 390 px", async ({ path, ready }) => {
    screenshotOnFailure(() => browser);
    await phone.goto(`${server.url}${path()}`);
    await ready(phone);
    expect(await scrollsSideways(phone)).toBe(false);
  });

  it("the sign-in page and a running job's page pass axe-core too", async () => {
    screenshotOnFailure(() => browser);
    const running = await createJobFromFile(
      desktop,
      server.url,
      Array.from({ length: 50 }, (_, i) => chat(i)),
    );
    await desktop.getByText("Live: this page follows the job until it ends.").waitFor();
    expect(await seriousAxeViolations(desktop)).toEqual([]);
    await phone.goto(`${server.url}/jobs/${running}`);
    await phone.getByRole("progressbar").waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await scrollsSideways(phone)).toBe(false);

    const stranger = await (await browser.newContext({ viewport: VIEWPORTS.phone })).newPage();
    await stranger.goto(server.url);
    await stranger.getByLabel("User name").waitFor();
    expect(await seriousAxeViolations(stranger)).toEqual([]);
    expect(await scrollsSideways(stranger)).toBe(false);
    await stranger.context().close();
  });

  it("names each page in the tab's title and moves focus to its main heading on navigation", async () => {
    screenshotOnFailure(() => browser);
    await desktop.goto(server.url);
    await desktop.getByRole("table").waitFor();
    expect(await desktop.title()).toBe("Batch jobs · Mistral batch dashboard");
    await desktop.getByRole("link", { name: `Open job ${jobId}` }).click();
    await desktop.getByRole("heading", { level: 1, name: `Job ${jobId.slice(0, 8)}` }).waitFor();
    await expect.poll(() => desktop.title()).toBe(`Job ${jobId.slice(0, 8)}: SUCCESS · Mistral batch dashboard`);
    const focused = () =>
      desktop.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`);
    await expect.poll(focused).toBe(`H1:Job ${jobId.slice(0, 8)}`);
    await desktop.getByRole("link", { name: "← All jobs" }).click();
    await expect.poll(focused).toBe("H1:Batch jobs");
    // A change of filters is no new page: the focus stays where the user is.
    await desktop.getByLabel("Order").focus();
    await desktop.getByLabel("Order").selectOption("created");
    await desktop.waitForURL(/order=created/);
    expect(await focused()).toMatch(/^SELECT:/);
  });

  it("keeps the phone's list readable: one card per job, and takes the README's picture of it", async () => {
    screenshotOnFailure(() => browser);
    await phone.goto(server.url);
    await phone.getByRole("table").waitFor();
    const row = phone.getByRole("row").filter({ has: phone.getByRole("link", { name: `Open job ${jobId}` }) });
    const box = await row.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect(await docsScreenshot(phone, "phone.png")).toBeGreaterThan(10_000);
  });
});
