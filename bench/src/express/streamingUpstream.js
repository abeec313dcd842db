// A child process standing in for the Mistral file routes, streaming both ways, so the figures measure the
// proxy alone: uploads are read and thrown away (the stored name is kept), downloads are generated on the fly.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const files = new Map();
const CHUNK = Buffer.alloc(64 * 1024, 120);

const server = createServer((req, res) => {
  const json = (body) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  const match = /^\/v1\/files(?:\/([^/]+))?(\/content)?$/.exec(req.url ?? "");
  if (req.method === "POST" && match && !match[1]) {
    let head = "";
    let bytes = 0;
    req.on("data", (chunk) => {
      if (head.length < 4096) head += chunk.toString("latin1", 0, Math.min(chunk.length, 4096));
      bytes += chunk.length;
    });
    req.on("end", () => {
      const id = randomUUID();
      const filename = /filename="([^"]*)"/.exec(head)?.[1] ?? "upload";
      files.set(id, {
        id,
        object: "file",
        bytes,
        created_at: 0,
        filename,
        purpose: "batch",
        sample_type: "batch_request",
        source: "upload",
      });
      json(files.get(id));
    });
    return;
  }
  const file = match?.[1] && files.get(match[1]);
  if (req.method === "GET" && file && !match[2]) return json(file);
  if (req.method === "GET" && file && match[2]) {
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.bytes) });
    let left = file.bytes;
    const write = () => {
      while (left > 0) {
        const size = Math.min(left, CHUNK.length);
        left -= size;
        if (!res.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) return res.once("drain", write);
      }
      res.end();
    };
    return write();
  }
  res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"Not Found"}');
});
server.listen(0, "127.0.0.1", () => process.send?.({ url: `http://127.0.0.1:${server.address().port}` }));
