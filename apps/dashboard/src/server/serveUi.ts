import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";

// `src/server/` in dev and `dist/server/` once built are both two levels below the package root.
const APP_ROOT_URL = new URL("../../", import.meta.url);

/** How the React UI is served. */
export type UiMode =
  /** The Vite build in `dist/ui`, as static files. */
  | { mode: "static"; dir?: string }
  /** Vite in middleware mode, with hot reload over the same HTTP server. */
  | { mode: "dev"; httpServer: Server };

/**
 * Mounts the UI on `app` after the API routes: every GET outside `/api/` that
 * is not a file answers `index.html`, so the UI's own routes survive a reload.
 * Resolves to a function that releases what it holds.
 */
export async function serveUi(app: Express, ui: UiMode): Promise<() => Promise<void>> {
  if (ui.mode === "dev") {
    // Imported only here: vite is a devDependency, absent from a production install.
    const { createServer } = await import("vite");
    const vite = await createServer({
      root: fileURLToPath(APP_ROOT_URL),
      appType: "spa",
      server: { middlewareMode: true, hmr: { server: ui.httpServer } },
    });
    app.use(vite.middlewares);
    return () => vite.close();
  }
  const dir = ui.dir ?? fileURLToPath(new URL("dist/ui/", APP_ROOT_URL));
  app.use(express.static(dir, { index: false }));
  app.use((req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path.startsWith("/api/")) return next();
    res.sendFile("index.html", { root: dir });
  });
  return async () => {};
}
