import { describe, expect, it } from "vitest";
import { createFetchClient } from "./createFetchClient.js";

type Send = (request: Record<string, unknown>) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

function capture(answer: () => Response = () => Response.json({ ok: true })) {
  const seen: Request[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push(new Request(url, init));
    return answer();
  };
  return { seen, fetch };
}

function clientOf(options: Parameters<typeof createFetchClient>[0]) {
  return createFetchClient(options) as unknown as { get: Send; post: Send; delete: Send };
}

describe("createFetchClient", () => {
  it("expands and encodes path parameters and serializes the query", async () => {
    const { seen, fetch } = capture();
    await clientOf({ baseUrl: "http://h/prefix/" }).get({
      url: "/v1/files/{file_id}/content",
      path: { file_id: "a b/c" },
      query: {
        status: ["A", "B"],
        metadata: { k: "v", n: 1, none: null },
        page: 0,
        flag: false,
        none: null,
        missing: undefined,
      },
      fetch,
    });
    expect(seen[0]?.url).toBe("http://h/prefix/v1/files/a%20b%2Fc/content?status=A&status=B&k=v&n=1&page=0&flag=false");
  });

  it("sets the Bearer token from a function only for secured operations", async () => {
    const { seen, fetch } = capture();
    const client = clientOf({ baseUrl: "http://h", auth: async () => "tok" });
    await client.get({ url: "/a", security: [{ scheme: "bearer", type: "http" }], fetch });
    await client.get({ url: "/b", fetch });
    expect(seen[0]?.headers.get("authorization")).toBe("Bearer tok");
    expect(seen[1]?.headers.get("authorization")).toBeNull();
  });

  it("sends JSON by default, a serializer's output, or the body as it is", async () => {
    const { seen, fetch } = capture();
    const client = clientOf({ baseUrl: "http://h", headers: { "Content-Type": "application/json" } });
    await client.post({ url: "/json", body: { a: 1 }, fetch });
    await client.post({
      url: "/form",
      body: { purpose: "batch" },
      bodySerializer: (body: unknown) => {
        const form = new FormData();
        form.set("purpose", (body as { purpose: string }).purpose);
        return form;
      },
      headers: { "Content-Type": null },
      fetch,
    });
    await client.post({
      url: "/raw",
      body: "a,b",
      bodySerializer: null,
      headers: { "Content-Type": "text/csv" },
      fetch,
    });
    await client.post({ url: "/empty", fetch });
    expect(await seen[0]?.text()).toBe('{"a":1}');
    expect(seen[1]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(await seen[1]?.text()).toContain('name="purpose"');
    expect(await seen[2]?.text()).toBe("a,b");
    expect(seen[2]?.headers.get("content-type")).toBe("text/csv");
    expect(seen[3]?.headers.get("content-type")).toBeNull();
  });

  it("parses 2XX JSON, hands over a stream when asked, and keeps error bodies that are not JSON", async () => {
    const client = clientOf({ baseUrl: "http://h" });
    const json = await client.get({ url: "/", fetch: capture(() => Response.json({ id: "x" })).fetch });
    expect(json.data).toEqual({ id: "x" });
    const stream = await client.get({ url: "/", parseAs: "stream", fetch: capture(() => new Response("bytes")).fetch });
    expect(await new Response(stream.data as ReadableStream).text()).toBe("bytes");
    const failed = await client.get({ url: "/", fetch: capture(() => new Response("<html>", { status: 502 })).fetch });
    expect(failed.error).toBe("<html>");
    expect(failed.data).toBeUndefined();
  });
});
