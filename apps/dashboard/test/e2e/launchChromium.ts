import { type Browser, chromium } from "playwright-core";

/** Debian's chromium, which `.ci/run` installs (`apt-get install chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Launches the system chromium headless. Playwright gives every launch a fresh
 * temporary profile (its own --user-data-dir) and each `newContext()` its own
 * cookies, so two contexts are two independent users.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
