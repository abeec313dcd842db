import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@mistral-batch/source"] },
  ssr: { resolve: { conditions: ["@mistral-batch/source"] } },
  test: {
    environment: "happy-dom",
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30_000,
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    typecheck: { include: ["src/**/*.test-d.{ts,tsx}"], tsconfig: "./tsconfig.json" },
  },
});
