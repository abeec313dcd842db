import { afterEach, describe, expect, it } from "vitest";
import { createMistralBatchCore, InvalidRequestError, MistralBatchError, SDKError, uploadFile } from "../src/index.js";
import { FILE_ID } from "./fixtures.js";
import { type RecordedRequest, type ScriptedResponse, startRecordingServer } from "./support/recordingServer.js";

type Responder = (request: RecordedRequest, index: number) => ScriptedResponse;

/** Parses a recorded multipart body with the platform's own FormData parser. */
function parseFormData(request: RecordedRequest): Promise<FormData> {
  return new Response(request.body, {
    headers: { "content-type": String(request.headers["content-type"]) },
  }).formData();
}

const fileObject = (request: RecordedRequest) => ({
  id: FILE_ID,
  object: "file",
  bytes: Buffer.byteLength(request.body),
  created_at: 1,
  filename: "batch.jsonl",
  purpose: "batch",
  sample_type: "batch_request",
  source: "upload",
});
const ok: Responder = (request) => ({ body: fileObject(request) });
const fastRetries = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5 } } as const;

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(respond: Responder = ok, onBodyBytes?: (received: number) => void) {
  server = await startRecordingServer(respond, onBodyBytes);
  return { server, core: createMistralBatchCore({ apiKey: "sk-test", serverURL: `${server.url}/prefix` }) };
}

const requests = Array.from({ length: 300 }, (_, i) => ({ custom_id: String(i), body: { input: `text ${i} é` } }));
const jsonl = requests.map((r) => `${JSON.stringify(r)}\n`).join("");

describe("uploadFile", () => {
  it("sends a Blob as standard multipart FormData with purpose batch", async () => {
    const { server, core } = await start();
    const file = await uploadFile(core, { file: new File([jsonl], "mine.jsonl") });
    expect(file.id).toBe(FILE_ID);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", url: "/prefix/v1/files" });
    expect(request?.headers.authorization).toBe("Bearer sk-test");
    const form = await parseFormData(request as RecordedRequest);
    expect(form.get("purpose")).toBe("batch");
    const part = form.get("file") as File;
    expect(part.name).toBe("mine.jsonl");
    expect(await part.text()).toBe(jsonl);
  });

  it("sends bytes under the given filename and purpose", async () => {
    const { server, core } = await start();
    await uploadFile(core, { file: new TextEncoder().encode(jsonl), filename: "x.jsonl", purpose: "ocr" });
    const form = await parseFormData(server.requests[0] as RecordedRequest);
    expect(form.get("purpose")).toBe("ocr");
    expect((form.get("file") as File).name).toBe("x.jsonl");
    expect(await (form.get("file") as File).text()).toBe(jsonl);
  });

  it.each([
    { name: "a Blob", file: () => new Blob([jsonl]) },
    { name: "a stream", file: () => new Blob([jsonl]).stream() },
  ])("sends expiry and visibility with $name, and leaves them out unless given", async ({ file }) => {
    const { server, core } = await start();
    await uploadFile(core, { file: file(), expiry: 48, visibility: "user" });
    await uploadFile(core, { file: file(), expiry: null });
    const [given, omitted] = await Promise.all(server.requests.map(parseFormData));
    expect([given?.get("expiry"), given?.get("visibility")]).toEqual(["48", "user"]);
    expect([omitted?.has("expiry"), omitted?.has("visibility")]).toEqual([false, false]);
  });

  it("rejects an expiry that is no integer before sending", async () => {
    const { server, core } = await start();
    const error = await uploadFile(core, { file: new Blob([jsonl]), expiry: 1.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe("expiry");
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    { name: "an array of requests", source: () => requests },
    {
      name: "an async iterable of requests",
      source: async function* () {
        yield* requests;
      },
    },
    { name: "a byte stream", source: () => new Blob([jsonl]).stream() },
  ])("streams $name as chunked multipart that a server parses", async ({ source }) => {
    const { server, core } = await start();
    await uploadFile(core, { file: source(), filename: 'we"ird\nname.jsonl' });
    const request = server.requests[0] as RecordedRequest;
    expect(request.headers["transfer-encoding"]).toBe("chunked");
    expect(request.headers["content-length"]).toBeUndefined();
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parseFormData(request);
    expect(form.get("purpose")).toBe("batch");
    const part = form.get("file") as File;
    // Escaped on the wire as browsers do; the parser restores the name.
    expect(part.name).toBe('we"ird\nname.jsonl');
    expect(part.type).toBe("application/jsonl");
    expect(await part.text()).toBe(jsonl);
  });

  it("starts sending before the source has ended, so the file is never held whole", async () => {
    let bodyBytes = 0;
    let notify: (() => void) | undefined;
    const { server, core } = await start(ok, (received) => {
      bodyBytes = received;
      if (received > 100_000) notify?.();
    });
    const serverHasData = new Promise<void>((resolve, reject) => {
      notify = resolve;
      setTimeout(() => reject(new Error("the server got no data while the source was still open")), 5000);
    });
    async function* source() {
      for (let i = 0; i < 2000; i++) yield { custom_id: `a${i}`, body: { pad: "p".repeat(100) } };
      // Only continues once the server holds part of the body: a client that buffered would wait forever.
      await serverHasData;
      for (let i = 0; i < 10; i++) yield { custom_id: `b${i}`, body: {} };
    }
    await uploadFile(core, { file: source() });
    const lines = (await ((await parseFormData(server.requests[0] as RecordedRequest)).get("file") as File).text())
      .trimEnd()
      .split("\n");
    expect(lines).toHaveLength(2010);
    expect(bodyBytes).toBe(Buffer.byteLength(server.requests[0]?.body ?? ""));
  });

  it("reports the bytes of a streamed source as they go, and the total at its end", async () => {
    const { core } = await start();
    const many = Array.from({ length: 20_000 }, (_, i) => ({ custom_id: String(i), body: { input: `text ${i} é` } }));
    const total = new TextEncoder().encode(many.map((r) => `${JSON.stringify(r)}\n`).join("")).length;
    const seen: Array<{ loaded: number; total: number | undefined }> = [];
    await uploadFile(core, { file: many, onProgress: (progress) => seen.push(progress) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.loaded)).toEqual([...seen.map((p) => p.loaded)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ loaded: total, total });
    expect(seen.slice(0, -1).every((p) => p.total === undefined)).toBe(true);
  });

  it("reports a Blob once, when it is sent", async () => {
    const { core } = await start();
    const seen: unknown[] = [];
    await uploadFile(core, { file: new Blob([jsonl]), onProgress: (progress) => seen.push(progress) });
    const size = new Blob([jsonl]).size;
    expect(seen).toEqual([{ loaded: size, total: size }]);
  });

  it("never retries a streamed upload, whatever the retry config", async () => {
    const { server, core } = await start(() => ({ status: 503, body: { message: "busy" } }));
    const error = await uploadFile(core, { file: requests }, { retries: fastRetries }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(503);
    expect(server.requests).toHaveLength(1);
    // Every byte reached the server once: the body was streamed, not replayed from a copy.
    expect(await ((await parseFormData(server.requests[0] as RecordedRequest)).get("file") as File).text()).toBe(jsonl);
  });

  it("retries a Blob upload, whose body can be sent again", async () => {
    const { server, core } = await start((request, index) => (index === 0 ? { status: 503 } : ok(request, index)));
    const file = await uploadFile(core, { file: new Blob([jsonl]) }, { retries: fastRetries });
    expect(file.id).toBe(FILE_ID);
    expect(server.requests).toHaveLength(2);
    const forms = await Promise.all(server.requests.map(parseFormData));
    expect(await Promise.all(forms.map((f) => (f.get("file") as File).text()))).toEqual([jsonl, jsonl]);
  });

  it("fails with a MistralBatchError when the source fails mid-stream", async () => {
    const { core } = await start();
    async function* source() {
      yield { custom_id: "0", body: {} };
      throw new Error("source broke");
    }
    const error = await uploadFile(core, { file: source() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MistralBatchError);
    expect(String((error as Error).message)).toContain("files.upload");
  });
});
