import { defineConfig } from "@hey-api/openapi-ts";

export default defineConfig({
  input: "mistral-batch.yaml",
  output: { path: "../packages/client/src/generated", postProcess: [] },
  plugins: [
    "@hey-api/client-fetch",
    "@hey-api/typescript",
    // No default client instance: every SDK function is handed ours (packages/client/src/internal/createFetchClient.ts),
    // so hey-api's runtime client never reaches a user's bundle.
    { name: "@hey-api/sdk", client: false },
  ],
});
