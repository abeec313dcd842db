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

/**
 * A package's type test of the options a user fills from the environment, `test/exactOptionalTypes.test-d.ts(x)`,
 * compiled by `tsconfig.exact.json` as a user's project compiles the package: with `exactOptionalPropertyTypes`,
 * against the built declarations (the sources cannot be compiled so: the generated client is not written for that
 * flag). `pnpm build` first, as turbo's `test` does. A package lists it in `test.projects` after its own tests,
 * `{ extends: true }`, whose `typecheck` options go in that project.
 */
export const exactOptionalTypesProject = {
  test: {
    name: "exactOptionalPropertyTypes",
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      include: ["test/exactOptionalTypes.test-d.{ts,tsx}"],
      tsconfig: "./tsconfig.exact.json",
    },
  },
};
