import { defineConfig, mergeConfig } from "vitest/config";
import { exactOptionalTypesProject, sharedVitestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { projects: [{ extends: true, test: { name: "msw" } }, exactOptionalTypesProject] } }),
);
