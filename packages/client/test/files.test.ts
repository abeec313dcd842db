import { afterEach, describe, expect, it } from "vitest";
import {
  createMistralBatchCore,
  deleteFile,
  downloadFile,
  InvalidRequestError,
  RequestAbortedError,
  ResponseValidationError,
  retrieveFile,
  SDKError,
} from "../src/index.js";
import { FILE_ID } from "./fixtures.js";
import { type RecordedRequest, type ScriptedResponse, startRecordingServer } from "./support/recordingServer.js";
import { startStreamingServer } from "./support/streamingServer.js";

type Responder = (request: RecordedRequest, index: number) => ScriptedResponse;

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(respond: Responder) {
  server = await startRecordingServer(respond);
  return { server, core: createMistralBatchCore({ apiKey: "sk-test", serverURL: server.url }) };
}

describe("files", () => {
  it("retrieves and deletes a file by id", async () => {
    const { server, core } = await start((request) =>
      request.method === "GET"
        ? { body: { id: FILE_ID, object: "file", bytes: 3, filename: "a.jsonl", deleted: false } }
        : { body: { id: FILE_ID, object: "file", deleted: true } },
    );
    expect(await retrieveFile(core, { file_id: FILE_ID })).toMatchObject({ id: FILE_ID, bytes: 3 });
    expect(await deleteFile(core, { file_id: FILE_ID })).toEqual({ id: FILE_ID, object: "file", deleted: true });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /v1/files/${FILE_ID}`,
      `DELETE /v1/files/${FILE_ID}`,
    ]);
  });

  it("refuses an answer without the file's id", async () => {
    const { core } = await start(() => ({ body: { object: "file" } }));
    await expect(retrieveFile(core, { file_id: FILE_ID })).rejects.toThrow(ResponseValidationError);
  });

  it("downloads the content as a stream of bytes", async () => {
    const content = `${"x".repeat(200_000)}\nsecond line é`;
    const { server, core } = await start(() => ({
      headers: { "content-type": "application/octet-stream" },
      body: content,
    }));
    const stream = await downloadFile(core, { file_id: FILE_ID });
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(await new Response(stream).text()).toBe(content);
    expect(server.requests[0]?.url).toBe(`/v1/files/${FILE_ID}/content`);
  });

  it("gives an empty stream for an empty file", async () => {
    const { core } = await start(() => ({ headers: { "content-length": "0" }, body: "" }));
    expect(await new Response(await downloadFile(core, { file_id: FILE_ID })).text()).toBe("");
  });

  it("rejects a missing file with SDKError 404", async () => {
    const { core } = await start(() => ({ status: 404, body: { message: "No file found" } }));
    const error = await downloadFile(core, { file_id: FILE_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ statusCode: 404, body: { message: "No file found" } });
  });

  it.each([retrieveFile, deleteFile, downloadFile])("%o refuses a file_id that is not a UUID", async (operation) => {
    const { server, core } = await start(() => ({ body: {} }));
    await expect(async () => operation(core, { file_id: "../jobs" })).rejects.toThrow(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });

  it("errors the stream with RequestAbortedError when the signal aborts while the body is read", async () => {
    // The first bytes of a file that never ends on its own.
    const streaming = await startStreamingServer((res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.write("first chunk\n");
    });
    try {
      const core = createMistralBatchCore({ apiKey: "sk-test", serverURL: streaming.url });
      const controller = new AbortController();
      const reader = (await downloadFile(core, { file_id: FILE_ID }, { signal: controller.signal })).getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe("first chunk\n");
      const reason = new Error("stop reading");
      controller.abort(reason);
      const error = await reader.read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).cause).toBe(reason);
    } finally {
      await streaming.close();
    }
  });
});
