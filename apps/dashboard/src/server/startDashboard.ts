import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDashboardApp } from "./createDashboardApp.js";
import { serveUi } from "./serveUi.js";
import { startUpstream, type Upstream, type UpstreamOptions } from "./startUpstream.js";

/** Options of `startDashboard`. */
export interface DashboardOptions extends UpstreamOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default: every interface, as `server.listen` does. */
  host?: string;
  /** True for Vite's dev server with hot reload instead of the built UI. */
  dev?: boolean;
}

/** A running dashboard. */
export interface Dashboard {
  /** e.g. `http://localhost:3000`. */
  url: string;
  upstream: Upstream;
  close(): Promise<void>;
}

/** The port the dashboard was to listen on is taken: the message says which, and how to pick another. */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";

  constructor(readonly port: number) {
    super(`Port ${port} is already in use. Stop what listens there, or pick another port: PORT=${port + 1} pnpm start`);
  }
}

/** Starts the upstream (mock or real), the API routes and the UI on one HTTP server. */
export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const upstream = await startUpstream(options);
  const app = createDashboardApp(upstream);
  const server = createServer(app);
  const closeUi = await serveUi(app, options.dev ? { mode: "dev", httpServer: server } : { mode: "static" });
  const wantedPort = options.port ?? 3000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(wantedPort, options.host, () => resolve());
    });
  } catch (error) {
    await closeUi();
    await upstream.close();
    throw (error as NodeJS.ErrnoException).code === "EADDRINUSE" ? new PortInUseError(wantedPort) : error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    upstream,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeUi();
      await upstream.close();
    },
  };
}
