import { describe, expect, it } from "vitest";
import { bufferStreamedUploads } from "./bufferStreamedUploads.js";

function recordingFetch() {
  const calls: Array<{ input: RequestInfo | URL; init: RequestInit | undefined }> = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init });
    return new Response("ok");
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe("bufferStreamedUploads", () => {
  it("sends a streamed body as a Blob of the same bytes, without duplex, keeping the rest of the request", async () => {
    const { calls, fetchImpl } = recordingFetch();
    const stream = new Blob(['{"custom_id":"a"}\n', '{"custom_id":"b"}\n']).stream();
    const headers = { "content-type": "multipart/form-data; boundary=x" };
    await bufferStreamedUploads(fetchImpl)("http://host/v1/files", {
      method: "POST",
      headers,
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(calls).toHaveLength(1);
    const init = calls[0]!.init!;
    expect(calls[0]!.input).toBe("http://host/v1/files");
    expect(init.method).toBe("POST");
    expect(init.headers).toBe(headers);
    expect("duplex" in init).toBe(false);
    expect(init.body).toBeInstanceOf(Blob);
    expect(await (init.body as Blob).text()).toBe('{"custom_id":"a"}\n{"custom_id":"b"}\n');
  });

  it("passes every other request on as it is", async () => {
    const { calls, fetchImpl } = recordingFetch();
    const form = new FormData();
    form.set("purpose", "batch");
    const wrapped = bufferStreamedUploads(fetchImpl);
    const get = { method: "GET" };
    const post = { method: "POST", body: form };
    await wrapped("http://host/a", get);
    await wrapped("http://host/b", post);
    await wrapped("http://host/c");
    expect(calls.map((call) => call.init)).toEqual([get, post, undefined]);
    expect(calls[1]!.init).toBe(post);
  });
});
