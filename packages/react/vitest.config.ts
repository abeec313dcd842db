import { defineConfig, mergeConfig } from "vitest/config";
import { sharedVitestConfig, testProjects } from "../../vitest.shared.js";

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      environment: "happy-dom",
      // msw 3 intercepts below happy-dom's fetch, which would send a CORS preflight for the cross-origin API. A page
      // mocked by msw's service worker sends none (the worker answers before the network), so neither do these tests.
      environmentOptions: { happyDOM: { settings: { fetch: { disableSameOriginPolicy: true } } } },
      setupFiles: ["test/support/setup.ts"],
      projects: testProjects("react", ["src/**/*.test-d.{ts,tsx}"]),
    },
  }),
);
