import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { batchResults, createMistralBatchCore } from "../../src/index.js";
import { batchJob, FILE_ID } from "../fixtures.js";

it("cancels the download when the reader of results stops early, even on an endless file", async () => {
  let closedEarly: () => void = () => {};
  const responseClosed = new Promise<void>((resolve) => {
    closedEarly = resolve;
  });
  // An output file that never ends: only a client that lets go of the body ends this response.
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    let index = 0;
    const writeMore = () => {
      while (!res.destroyed) {
        const line = `${JSON.stringify({ custom_id: `c${index++}`, response: { status_code: 200, body: {} }, error: null })}\n`;
        if (!res.write(line)) return void res.once("drain", writeMore);
      }
    };
    res.on("close", () => closedEarly());
    writeMore();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const core = createMistralBatchCore({
      apiKey: "sk",
      serverURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
    const job = batchJob({ status: "SUCCESS", output_file: FILE_ID, completed_requests: 2, succeeded_requests: 2 });
    const ids: string[] = [];
    for await (const result of batchResults(core, job)) {
      ids.push(result.custom_id);
      if (ids.length === 10) break;
    }
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`));
    await responseClosed;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
