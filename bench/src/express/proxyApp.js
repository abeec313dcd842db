// A child process: an Express 5 app mounting the proxy in front of the upstream given as argument.
// It answers "memory" messages with its memory figures (peak RSS included) and the CPU time it used.
import { mistralBatchProxy } from "@mistral-batch/express";
import express from "express";

const [upstream, apiKey] = process.argv.slice(2);
const app = express();
app.use(express.json());
app.use(
  "/api/mistral",
  mistralBatchProxy({
    apiKey,
    serverURL: upstream,
    authorize: (req) => ({ userId: req.headers["x-user"] ?? "alice" }),
  }),
);
const server = app.listen(0, "127.0.0.1", () =>
  process.send?.({ url: `http://127.0.0.1:${server.address().port}/api/mistral` }),
);
process.on("message", (message) => {
  if (message !== "memory") return;
  const cpu = process.cpuUsage();
  process.send?.({
    maxRss: process.resourceUsage().maxRSS * 1024,
    ...process.memoryUsage(),
    cpuMicros: cpu.user + cpu.system,
  });
});
