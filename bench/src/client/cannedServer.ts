/**
 * Child process: an HTTP server answering with canned bodies, so that the contenders' own costs are what differs.
 * `GET /<n>/v1/batch/jobs` answers a page of n jobs (100 or 1,000; the size rides in a path prefix, which every
 * client's serverURL carries), `GET /<n>/v1/batch/jobs/:id` one job, `POST /<n>/v1/batch/jobs` a created job.
 * Prints `listening on URL` once ready.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cannedBodies, LIST_SIZES } from "./cannedBodies.js";

const ROUTE = /^\/(\d+)\/v1\/batch\/jobs(\/[^/?]+)?(?:\?.*)?$/;

const bodies = cannedBodies(LIST_SIZES);
const buffers = {
  lists: new Map([...bodies.lists].map(([size, body]) => [size, Buffer.from(body)])),
  job: Buffer.from(bodies.job),
  created: Buffer.from(bodies.created),
};

function pick(method: string | undefined, url: string): Buffer | undefined {
  const match = ROUTE.exec(url);
  if (!match) return undefined;
  if (method === "GET") return match[2] ? buffers.job : buffers.lists.get(Number(match[1]));
  if (method === "POST" && !match[2]) return buffers.created;
  return undefined;
}

const server = createServer((req, res) => {
  // Read the request body to its end before answering, as a real server would.
  req.resume();
  req.once("end", () => {
    const body = pick(req.method, req.url ?? "");
    if (!body) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"not found"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) }).end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}`);
});
