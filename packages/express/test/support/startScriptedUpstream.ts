import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the scripted upstream received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** A real HTTP server standing in for the Mistral API where a test needs it to misbehave on cue. */
export interface ScriptedUpstream {
  url: string;
  received: ReceivedRequest[];
  /** Sets how the next requests are answered. */
  answer(handler: (request: ReceivedRequest, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

/** Starts the scripted upstream on 127.0.0.1, on a free port. */
export async function startScriptedUpstream(): Promise<ScriptedUpstream> {
  const received: ReceivedRequest[] = [];
  let handler: (request: ReceivedRequest, res: ServerResponse) => void = (_, res) => {
    res.writeHead(500).end();
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer(next) {
      handler = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
