import { afterEach, describe, expect, it } from "vitest";
import {
  createMistralBatchCore,
  deleteFile,
  downloadFile,
  getFileSignedUrl,
  InvalidRequestError,
  MistralBatch,
  RequestAbortedError,
  RequestTimeoutError,
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

  it.each([retrieveFile, deleteFile, downloadFile, getFileSignedUrl])(
    "%o rejects a file_id that is not a UUID, without throwing synchronously",
    async (operation) => {
      const { server, core } = await start(() => ({ body: {} }));
      await expect(operation(core, { file_id: "../jobs" })).rejects.toThrow(InvalidRequestError);
      expect(server.requests).toHaveLength(0);
    },
  );

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

const fileObject = { id: FILE_ID, object: "file", bytes: 3, created_at: 1, filename: "a.jsonl", purpose: "batch" };
const fastRetries = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5 } } as const;

async function facade(respond: Responder) {
  const { server } = await start(respond);
  return {
    server,
    files: new MistralBatch({ apiKey: "sk-test", serverURL: server.url, retryConfig: fastRetries }).files,
  };
}

describe("files.list", () => {
  it("sends GET /v1/files with every filter under the API's names, lists repeated", async () => {
    const { server, files } = await facade(() => ({ body: { data: [fileObject], object: "list", total: 1 } }));
    const page = await files.list({
      page: 1,
      page_size: 5000,
      include_total: false,
      sample_type: ["batch_result", "batch_error"],
      source: ["mistral"],
      search: "night ly",
      purpose: "batch",
      mimetypes: ["application/jsonl", "text/plain"],
    });
    expect(page).toEqual({ data: [fileObject], object: "list", total: 1 });
    expect(server.requests[0]?.method).toBe("GET");
    expect(server.requests[0]?.url).toBe(
      "/v1/files?page=1&page_size=5000&include_total=false&sample_type=batch_result&sample_type=batch_error" +
        "&source=mistral&search=night+ly&purpose=batch&mimetypes=application%2Fjsonl&mimetypes=text%2Fplain",
    );
  });

  it("sends no query without parameters", async () => {
    const { server, files } = await facade(() => ({ body: { data: [], object: "list", total: null } }));
    expect(await files.list()).toEqual({ data: [], object: "list", total: null });
    expect(server.requests[0]?.url).toBe("/v1/files");
  });

  it.each([
    ["no data", { object: "list", total: 0 }, "has no array `data`"],
    ["data that is no array", { data: {}, object: "list" }, "has no array `data`"],
  ])("refuses an answer with %s", async (_, body, reason) => {
    const { files } = await facade(() => ({ body }));
    await expect(files.list()).rejects.toThrow(reason);
    await expect(files.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it.each([
    ["page", { page: -1 }],
    ["page_size", { page_size: 0 }],
    ["page_size", { page_size: 2.5 }],
  ])("rejects a bad %s before sending", async (field, params) => {
    const { server, files } = await facade(() => ({ body: {} }));
    const error = await files.list(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe(field);
    expect(server.requests).toHaveLength(0);
  });

  it("retries a 503, then answers", async () => {
    const { server, files } = await facade((_, index) =>
      index === 0 ? { status: 503, body: { message: "busy" } } : { body: { data: [], object: "list" } },
    );
    expect(await files.list()).toEqual({ data: [], object: "list" });
    expect(server.requests).toHaveLength(2);
  });
});

describe("files.getSignedUrl", () => {
  const url = "https://files.example/e85980c9.jsonl?se=2026-08-02T00%3A00%3A00Z&sp=r&sig=abc";

  it("sends GET /v1/files/{file_id}/url with expiry, and resolves to { url }", async () => {
    const { server, files } = await facade(() => ({ body: { url } }));
    expect(await files.getSignedUrl({ file_id: FILE_ID, expiry: 2 })).toEqual({ url });
    expect(await files.getSignedUrl({ file_id: FILE_ID })).toEqual({ url });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /v1/files/${FILE_ID}/url?expiry=2`,
      `GET /v1/files/${FILE_ID}/url`,
    ]);
  });

  it.each([0, 169, 1.5])("rejects expiry %s, outside 1 to 168 hours, before sending", async (expiry) => {
    const { server, files } = await facade(() => ({ body: { url } }));
    const error = await files.getSignedUrl({ file_id: FILE_ID, expiry }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe("expiry");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an answer without a url", async () => {
    const { files } = await facade(() => ({ body: { signed: url } }));
    await expect(files.getSignedUrl({ file_id: FILE_ID })).rejects.toThrow("has no string `url`");
  });

  it("rejects a missing file with SDKError 404", async () => {
    const { files } = await facade(() => ({ status: 404, body: { message: "No file found" } }));
    await expect(files.getSignedUrl({ file_id: FILE_ID })).rejects.toMatchObject({ statusCode: 404 });
  });

  it("rejects an answer that does not come within timeoutMs with RequestTimeoutError", async () => {
    const silent = await startStreamingServer(() => {});
    try {
      const { files } = new MistralBatch({ apiKey: "sk-test", serverURL: silent.url });
      await expect(files.getSignedUrl({ file_id: FILE_ID }, { timeoutMs: 50 })).rejects.toBeInstanceOf(
        RequestTimeoutError,
      );
    } finally {
      await silent.close();
    }
  });
});
