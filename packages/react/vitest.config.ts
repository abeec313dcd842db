import { defineConfig, mergeConfig } from "vitest/config";
import { sharedVitestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      environment: "happy-dom",
      setupFiles: ["test/support/setup.ts"],
      typecheck: { include: ["src/**/*.test-d.{ts,tsx}"], tsconfig: "./tsconfig.json" },
    },
  }),
);
