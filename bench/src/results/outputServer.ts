/**
 * Child process: serves a batch output file generated on the fly, so that a
 * gigabyte of results costs neither disk nor this process's memory.
 * `GET /lines/N/v1/files/:id/content` sends N result lines of exactly
 * LINE_BYTES bytes each (the count rides in a path prefix, which the client's
 * `serverURL` carries). Prints `listening on URL` once ready.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LINE_BYTES } from "./lineBytes.js";

const LINES_PER_WRITE = 256;
const ROUTE = /^\/lines\/(\d+)\/v1\/files\/[^/]+\/content$/;
const DIGITS = 10;
const PLACEHOLDER = "#".repeat(DIGITS);

/** One output line as the API writes it, padded to LINE_BYTES - 1 characters, its index left as a placeholder. */
function templateLine(): string {
  const head =
    `{"id":"batch-${PLACEHOLDER}","custom_id":"req-${PLACEHOLDER}","response":{"status_code":200,"body":{` +
    `"id":"cmpl-${PLACEHOLDER}","object":"chat.completion","model":"mistral-small-latest","choices":[{"index":0,` +
    `"finish_reason":"stop","message":{"role":"assistant","content":"`;
  const tail = `"}}],"usage":{"prompt_tokens":12,"completion_tokens":180,"total_tokens":192}}},"error":null}`;
  return `${head}${"x".repeat(LINE_BYTES - 1 - head.length - tail.length)}${tail}\n`;
}

// A block of lines built once; each write copies it and stamps the line numbers in (a memcpy, not a JSON build),
// so that the server outpaces any reader and the benchmark measures the reader.
const line = templateLine();
const offsets = [...line.matchAll(/#{10}/g)].map((m) => m.index);
const block = Buffer.from(line.repeat(LINES_PER_WRITE), "latin1");

async function send(res: ServerResponse, lines: number): Promise<void> {
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(lines * LINE_BYTES) });
  for (let start = 0; start < lines && !res.destroyed; start += LINES_PER_WRITE) {
    const count = Math.min(LINES_PER_WRITE, lines - start);
    const chunk = Buffer.from(block.subarray(0, count * LINE_BYTES));
    for (let i = 0; i < count; i++) {
      const digits = String(start + i).padStart(DIGITS, "0");
      for (const offset of offsets) chunk.write(digits, i * LINE_BYTES + offset, "latin1");
    }
    if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}

const server = createServer((req, res) => {
  const match = ROUTE.exec(req.url ?? "");
  if (req.method !== "GET" || !match) {
    res.writeHead(404).end();
    return;
  }
  send(res, Number(match[1])).catch(() => res.destroy());
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}`);
});
