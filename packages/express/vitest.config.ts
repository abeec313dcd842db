import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@mistral-batch/source"] },
  ssr: { resolve: { conditions: ["@mistral-batch/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
