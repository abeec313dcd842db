import { defineConfig, mergeConfig } from "vitest/config";
import { sharedVitestConfig, testProjects } from "../../vitest.shared.js";

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { projects: testProjects("client", ["src/**/*.test-d.ts"]) } }),
);
