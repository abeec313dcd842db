import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query string, exactly as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server answers: a status, optional headers and a body (JSON-encoded unless a string). */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Drop the connection instead of answering. */
  destroy?: boolean;
}

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers
 * from a script: `respond` is called for each request. `onBodyBytes` sees the
 * size of a request body as it arrives, to observe streaming.
 */
export async function startRecordingServer(
  respond: (request: RecordedRequest, index: number) => ScriptedResponse = () => ({ body: {} }),
  onBodyBytes?: (received: number) => void,
) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      onBodyBytes?.(received);
    });
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const answer = respond(recorded, requests.length - 1);
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
      const body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {});
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
