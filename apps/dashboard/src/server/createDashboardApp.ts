import { mistralBatchProxy } from "@mistral-batch/express";
import express, { type Express } from "express";
import { demoAuthorize, demoSessionRouter } from "./demoSession.js";
import type { Upstream } from "./startUpstream.js";

/**
 * How often the proxy reads a job that a page follows live: every second, and never less often than every 1.5 s
 * (the proxy's defaults, 2 s backing off to 30 s, can show a job's end up to 30 s late). One read per followed job,
 * shared by every tab that follows it, so the page shows a job's end within 2 s at the cost of at most one upstream
 * `get` a second per job being watched.
 */
export const LIVE_EVENTS = { pollIntervalMs: 1_000, maxPollIntervalMs: 1_500 } as const;

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
    mistralBatchProxy({
      apiKey: upstream.apiKey,
      serverURL: upstream.serverURL,
      authorize: demoAuthorize,
      events: LIVE_EVENTS,
    }),
  );
  app.use("/api", (_req, res) => {
    res.status(404).json({ message: "Not found" });
  });
  return app;
}
