import { existsSync } from "node:fs";

/** Debian's chromium, which `.ci/run` installs (`apt-get install chromium`); `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags of every launch: no sandbox (CI runs as root), no GPU, and no traffic of chromium's own. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * What `launchChromium` needs of playwright-core's `chromium`. Each suite passes
 * its own import, so this file, shared by the workspace's browser suites like
 * `vitest.shared.ts`, depends on nothing a package does not list.
 */
export interface ChromiumLauncher<TBrowser> {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<TBrowser>;
}

/**
 * Launches the system chromium headless, with `extraArgs` after the shared
 * flags. Playwright gives every launch a fresh temporary profile (its own
 * --user-data-dir) and each `newContext()` its own cookies, so two contexts are
 * two independent users. Without chromium it throws, so that a browser suite
 * fails rather than skips.
 *
 * @example
 * import { chromium } from "playwright-core";
 * const browser = await launchChromium(chromium);
 */
export async function launchChromium<TBrowser>(
  chromium: ChromiumLauncher<TBrowser>,
  extraArgs: string[] = [],
): Promise<TBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: the browser tests need it. Install Debian's (apt-get install chromium, ` +
        "as .ci/run does) or set CHROMIUM_PATH to a chromium binary.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
