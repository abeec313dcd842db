import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@mistral-batch/source"] },
  ssr: { resolve: { conditions: ["@mistral-batch/source"] } },
  test: {
    // Suites share two cores with the other packages' under turbo: time limits leave room for that.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
