import { createServer } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../../testing/launchChromium.js";
import { docsScreenshot, screenshotOnFailure, seriousAxeViolations } from "./browser.js";
import { type BuiltServer, startBuiltServer } from "./startBuiltServer.js";

let server: BuiltServer;
let browser: Browser;

/** A port of 127.0.0.1 where nothing listens: taken, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  // "The real API" with a key, at an address where nothing answers: the proxy answers 502 to every call.
  server = await startBuiltServer({
    MISTRAL_API_KEY: "not-a-real-key",
    MISTRAL_SERVER_URL: `http://127.0.0.1:${await closedPort()}`,
  });
  browser = await launchChromium(chromium);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("when the proxy cannot reach Mistral", { timeout: 60_000 }, () => {
  it("says so within 3 seconds, instead of loading for ever", async () => {
    screenshotOnFailure(() => browser);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel("User name").fill("erin");
    const signedIn = Date.now();
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Cannot reach the Mistral API." });
    await alert.waitFor({ timeout: 3_000 });
    const shownAfter = Date.now() - signedIn;
    console.log(`"Cannot reach the Mistral API" shown ${shownAfter} ms after signing in`);
    expect(shownAfter).toBeLessThan(3_000);
    expect(await alert.textContent()).toContain("Could not reach the Mistral API (HTTP 502)");
    expect(await page.getByText("Loading jobs…").count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await docsScreenshot(page, "api-unreachable.png", false);

    // A job's page says the same, not "not found".
    await page.goto(`${server.url}/jobs/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("alert").filter({ hasText: "Cannot reach the Mistral API." }).waitFor({ timeout: 3_000 });
    await context.close();
  });
});
