import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // In dev the workspace packages are read from their sources, so edits to them hot-reload too.
  resolve: { conditions: ["@mistral-batch/source"] },
  build: { outDir: "dist/ui", emptyOutDir: true },
});
