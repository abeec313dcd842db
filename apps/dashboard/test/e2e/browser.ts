import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { onTestFailed } from "vitest";

/** Where failing tests leave screenshots, and every screenshot lands before it may replace one in docs/. */
export const RESULTS_DIR = fileURLToPath(new URL("../../test-results/", import.meta.url));
const DOCS_DIR = fileURLToPath(new URL("../../docs/", import.meta.url));

/** Signs `user` in through the demo form in a new page of `context`, and waits for the jobs list. */
export async function signIn(context: BrowserContext, url: string, user: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.getByLabel("User name").fill(user);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Batch jobs" }).waitFor();
  return page;
}

/** A JSONL file for `setInputFiles`: objects are serialized, strings kept as they are (to make bad lines). */
export function jsonl(lines: unknown[]): { name: string; mimeType: string; buffer: Buffer } {
  const text = lines.map((line) => (typeof line === "string" ? line : JSON.stringify(line))).join("\n");
  return { name: "requests.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(text) };
}

/** A chat request with custom_id `line-n`. */
export const chat = (n: number) => ({
  custom_id: `line-${n}`,
  body: { messages: [{ role: "user", content: `Question ${n}` }], max_tokens: 20 },
});

/** On failure, a screenshot of every open page of `browser` lands in test-results/. */
export function screenshotOnFailure(browser: () => Browser) {
  onTestFailed(async ({ task }) => {
    await mkdir(RESULTS_DIR, { recursive: true });
    const pages = browser()
      .contexts()
      .flatMap((context) => context.pages());
    for (const [index, page] of pages.entries()) {
      const name = `${task.name.replace(/\W+/g, "-")}-${index}.png`;
      await page.screenshot({ path: `${RESULTS_DIR}${name}`, fullPage: true }).catch(() => {});
    }
  });
}

/** Creates a job from a JSONL file through the form; resolves to its id once its page is open. */
export async function createJobFromFile(page: Page, url: string, lines: unknown[]): Promise<string> {
  await page.goto(`${url}/jobs/new`);
  await page.getByLabel("JSONL file", { exact: true }).setInputFiles(jsonl(lines));
  await page.getByText(`${lines.length} requests, all valid.`).waitFor();
  await page.getByRole("button", { name: "Create job" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** The status a job's page shows in its details. */
export function jobStatus(page: Page): Promise<string> {
  return page
    .locator(".details div", { hasText: "Status" })
    .locator("dd")
    .textContent()
    .then((text) => text ?? "");
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core violation, as much of it as a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) on the page as it is, and returns its serious and
 * critical violations.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
    }
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
  });
}

/** Whether the page scrolls sideways at its current viewport: its content is wider than the window. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * A screenshot for the README: always written to test-results/, and to docs/ with `UPDATE_SCREENSHOT=1`.
 * Resolves to its size in bytes.
 */
export async function docsScreenshot(page: Page, name: string, fullPage = true): Promise<number> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const png = await page.screenshot({ fullPage, animations: "disabled" });
  await writeFile(`${RESULTS_DIR}${name}`, png);
  if (process.env.UPDATE_SCREENSHOT === "1") await writeFile(`${DOCS_DIR}${name}`, png);
  return png.length;
}
