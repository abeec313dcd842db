import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, expect, it } from "vitest";
import { createMistralBatchCore, uploadFile } from "../src/index.js";
import { FILE_ID } from "./fixtures.js";
import { startStreamingServer } from "./support/streamingServer.js";

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MB = 1024 * 1024;

let server: Awaited<ReturnType<typeof startStreamingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Node's fetch tees the body of a request that may follow a redirect, and the branch it keeps for the redirect is
// never read: every chunk of a streamed upload stayed in memory until the upload ended (a 512 MB part, 512 MB).
it("holds no more of a streamed upload than what is on its way", async () => {
  let received = 0;
  let halfway: (() => void) | undefined;
  const reachedHalfway = new Promise<void>((resolve) => {
    halfway = resolve;
  });
  let resume: (() => void) | undefined;
  server = await startStreamingServer((res, req) => {
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received < 24 * MB || !halfway) return;
      req.pause();
      resume = () => req.resume();
      halfway();
      halfway = undefined;
    });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: FILE_ID, object: "file", bytes: received, filename: "big.jsonl" }));
    });
  });
  const core = createMistralBatchCore({ apiKey: "sk-test", serverURL: server.url });
  const text = "x".repeat(1_000);
  async function* requests() {
    for (let i = 0; i < 32_000; i++) yield { custom_id: String(i), body: { input: text } }; // about 32 MB
  }
  gc();
  const before = process.memoryUsage().arrayBuffers;
  const upload = uploadFile(core, { file: requests(), filename: "big.jsonl" });
  await reachedHalfway;
  gc();
  const held = process.memoryUsage().arrayBuffers - before;
  resume?.();
  expect((await upload).id).toBe(FILE_ID);
  // 24 MB have been sent; what is still held is the chunks on their way (socket buffers), a few MB at most.
  expect(held).toBeLessThan(8 * MB);
});
