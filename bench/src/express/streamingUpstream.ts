/**
 * Child process standing in for the Mistral file routes, streaming both ways, so that the figures measure the proxy
 * alone: uploads are read and thrown away (their size and name kept), downloads are generated on the fly.
 * Prints `listening on URL` once ready.
 */
import { randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

interface StoredFile {
  id: string;
  object: "file";
  bytes: number;
  created_at: number;
  filename: string;
  purpose: "batch";
  sample_type: "batch_request";
  source: "upload";
}

const files = new Map<string, StoredFile>();
const CHUNK = Buffer.alloc(64 * 1024, 120);

const server = createServer((req, res) => {
  const json = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  const match = /^\/v1\/files(?:\/([^/]+))?(\/content)?$/.exec(req.url ?? "");
  if (req.method === "POST" && match && !match[1]) {
    let head = "";
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString("latin1", 0, Math.min(chunk.length, 4096));
      bytes += chunk.length;
    });
    req.on("end", () => {
      const id = randomUUID();
      const filename = /filename="([^"]*)"/.exec(head)?.[1] ?? "upload";
      const file: StoredFile = {
        id,
        object: "file",
        bytes,
        created_at: 0,
        filename,
        purpose: "batch",
        sample_type: "batch_request",
        source: "upload",
      };
      files.set(id, file);
      json(file);
    });
    return;
  }
  const file = match?.[1] ? files.get(match[1]) : undefined;
  if (req.method === "GET" && file && !match?.[2]) return json(file);
  if (req.method === "GET" && file && match?.[2]) return sendContent(res, file.bytes);
  res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"Not Found"}');
});

/** Writes `bytes` bytes as fast as the reader takes them, without holding more than one chunk. */
function sendContent(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes) });
  let left = bytes;
  const write = () => {
    while (left > 0) {
      const size = Math.min(left, CHUNK.length);
      left -= size;
      if (!res.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) {
        res.once("drain", write);
        return;
      }
    }
    res.end();
  };
  write();
}

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}`);
});
