import { defineConfig } from "vitest/config";

/** The custom exports condition that points every workspace package at its sources. */
const SOURCE_CONDITION = "@mistral-batch/source";

/**
 * What every package's vitest config starts from (merge it with `mergeConfig`):
 * tests import the sources of workspace packages, so no build is needed, and
 * time limits leave room for suites that share two cores under turbo.
 */
export const sharedVitestConfig = defineConfig({
  resolve: { conditions: [SOURCE_CONDITION] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION] } },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
