import { defineConfig } from "@hey-api/openapi-ts";

export default defineConfig({
  input: "../../openapi/mistral-batch.yaml",
  output: { path: "src/generated", postProcess: [] },
  plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
});
