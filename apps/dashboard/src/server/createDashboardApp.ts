import { mistralBatchProxy } from "@mistral-batch/express";
import express, { type Express } from "express";
import { demoAuthorize, demoSessionRouter } from "./demoSession.js";
import type { Upstream } from "./startUpstream.js";

/**
 * The dashboard's API: the demo session under `/api/session` and the Mistral
 * proxy under `/api/mistral`, where the browser's client points. Unknown
 * `/api/` paths answer a JSON 404. The UI is mounted after these by `serveUi`.
 */
export function createDashboardApp(upstream: Upstream): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use("/api/session", demoSessionRouter(upstream.kind));
  app.use(
    "/api/mistral",
    mistralBatchProxy({ apiKey: upstream.apiKey, serverURL: upstream.serverURL, authorize: demoAuthorize }),
  );
  app.use("/api", (_req, res) => {
    res.status(404).json({ message: "Not found" });
  });
  return app;
}
