import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 whose responses `respond` writes by hand:
 * for bodies that stall, never end, or break off, which no mock can serve.
 */
export async function startStreamingServer(respond: (res: ServerResponse, req: IncomingMessage) => void) {
  const server = createServer((req, res) => respond(res, req));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
