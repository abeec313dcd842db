import { expect, it } from "vitest";
import { type BatchResult, batchResults, ConnectionError, createMistralBatchCore } from "../../src/index.js";
import { batchJob, FILE_ID } from "../fixtures.js";
import { startStreamingServer } from "../support/streamingServer.js";

const resultLine = (index: number) =>
  `${JSON.stringify({ custom_id: `c${index}`, response: { status_code: 200, body: {} }, error: null })}\n`;

it("cancels the download when the reader of results stops early, even on an endless file", async () => {
  let closedEarly: () => void = () => {};
  const responseClosed = new Promise<void>((resolve) => {
    closedEarly = resolve;
  });
  // An output file that never ends: only a client that lets go of the body ends this response.
  const server = await startStreamingServer((res) => {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    let index = 0;
    const writeMore = () => {
      while (!res.destroyed) {
        if (!res.write(resultLine(index++))) return void res.once("drain", writeMore);
      }
    };
    res.on("close", () => closedEarly());
    writeMore();
  });
  try {
    const core = createMistralBatchCore({ apiKey: "sk", serverURL: server.url });
    const job = batchJob({ status: "SUCCESS", output_file: FILE_ID, completed_requests: 2, succeeded_requests: 2 });
    const ids: string[] = [];
    for await (const result of batchResults(core, job)) {
      ids.push(result.custom_id);
      if (ids.length === 10) break;
    }
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`));
    await responseClosed;
  } finally {
    await server.close();
  }
});

it("rejects with ConnectionError, its cause attached, when the connection breaks mid-file", async () => {
  // One whole line, half of the next, then the connection goes.
  const server = await startStreamingServer((res) => {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.write(resultLine(0) + resultLine(1).slice(0, 20), () => setTimeout(() => res.destroy(), 20));
  });
  try {
    const core = createMistralBatchCore({ apiKey: "sk", serverURL: server.url });
    const job = batchJob({ status: "SUCCESS", output_file: FILE_ID, completed_requests: 2, succeeded_requests: 2 });
    const read: BatchResult[] = [];
    const error = await (async () => {
      for await (const result of batchResults(core, job)) read.push(result);
    })().catch((e: unknown) => e);
    expect(read.map((r) => r.custom_id)).toEqual(["c0"]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("files.download");
    expect((error as Error).cause).toBeInstanceOf(Error);
  } finally {
    await server.close();
  }
});
