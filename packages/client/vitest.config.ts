import { defineConfig, mergeConfig } from "vitest/config";
import { exactOptionalTypesProject, sharedVitestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "client",
            typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
          },
        },
        exactOptionalTypesProject,
      ],
    },
  }),
);
