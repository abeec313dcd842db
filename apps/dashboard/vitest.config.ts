import { defineConfig, mergeConfig } from "vitest/config";
import { sharedVitestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedVitestConfig,
  // The browser suite and the server tests each start servers; one file at a time keeps 2 cores calm.
  defineConfig({ test: { fileParallelism: false } }),
);
