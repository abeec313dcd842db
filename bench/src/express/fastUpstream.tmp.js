import { createServer } from "node:http";
const job = JSON.stringify({ id: "0b7f5e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", object: "batch", input_files: [], metadata: { owner: "alice" }, endpoint: "/v1/moderations", errors: [], status: "QUEUED", created_at: 1, total_requests: 1, completed_requests: 0, succeeded_requests: 0, failed_requests: 0 });
const server = createServer((req, res) => res.writeHead(200, { "content-type": "application/json" }).end(job));
server.listen(0, "127.0.0.1", () => process.send?.({ url: `http://127.0.0.1:${server.address().port}` }));
