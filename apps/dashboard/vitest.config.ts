import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@mistral-batch/source"] },
  ssr: { resolve: { conditions: ["@mistral-batch/source"] } },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    // The browser suite and the server tests each start servers; one file at a time keeps 2 cores calm.
    fileParallelism: false,
  },
});
