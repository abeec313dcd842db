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
 * The vitest projects of a package, for `test.projects`: `name`, its tests (the config's own options), which
 * `pnpm test:node-matrix` runs on every Node; `name types`, its type tests `typeTests`, compiled by its
 * tsconfig.json; and `exactOptionalPropertyTypes`, its `test/exactOptionalTypes.test-d.ts(x)`, compiled by its
 * tsconfig.exact.json as a user's project compiles the package: with that flag, against the built declarations
 * (the sources cannot be compiled so: the generated client is not written for it), so `pnpm build` first, as
 * turbo's `test` does. Type tests depend on no runtime: they are projects of their own.
 */
export function testProjects(name: string, typeTests: string[] = []) {
  const types = (projectName: string, include: string[], tsconfig: string) => ({
    test: { name: projectName, typecheck: { enabled: true, only: true, include, tsconfig } },
  });
  return [
    { extends: true, test: { name } },
    ...(typeTests.length > 0 ? [types(`${name} types`, typeTests, "./tsconfig.json")] : []),
    types("exactOptionalPropertyTypes", ["test/exactOptionalTypes.test-d.{ts,tsx}"], "./tsconfig.exact.json"),
  ];
}
