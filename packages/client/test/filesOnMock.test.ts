import { describe, expect, it } from "vitest";
import { listFiles, MistralBatch, uploadFile } from "../src/index.js";
import { MOCK_URL, useMockApi } from "./support/mockApi.js";

// The client's file listing and signed URLs against the mock, through msw.
const { simulator, core, requests } = useMockApi({ queueDelayMs: 1, jobDurationMs: 10 });
const mistral = new MistralBatch({ apiKey: "sk-mock", serverURL: MOCK_URL });

describe("files.list and files.getSignedUrl against the mock", () => {
  it("lists the uploads with filters, and downloads one through its signed URL without the key", async () => {
    const first = await uploadFile(core, { file: new File(['{"body":{}}\n'], "nightly-1.jsonl"), visibility: "user" });
    simulator.clock.advance(1_000);
    const second = await uploadFile(core, { file: new File(['{"body":{}}\n'], "nightly-2.jsonl"), expiry: 48 });
    expect(first).toMatchObject({ visibility: "user", expires_at: null });
    expect(second.expires_at).toBe(second.created_at + 48 * 3600);

    const page = await mistral.files.list({ purpose: "batch", search: "nightly", page_size: 1 });
    expect(page).toMatchObject({ object: "list", total: 2, data: [{ id: second.id }] });
    expect((await listFiles(core, { page: 1, page_size: 1, include_total: false })).data.map((f) => f.id)).toEqual([
      first.id,
    ]);

    const { url } = await mistral.files.getSignedUrl({ file_id: first.id, expiry: 1 });
    expect(url.startsWith(`${MOCK_URL}/signed-files/${first.id}?`)).toBe(true);
    const download = await fetch(url);
    expect(await download.text()).toBe('{"body":{}}\n');
    simulator.clock.advance(3_600_000);
    expect((await fetch(url)).status).toBe(403);
    expect(requests.filter((r) => r.startsWith("GET /v1/files"))).toEqual([
      "GET /v1/files",
      "GET /v1/files",
      `GET /v1/files/${first.id}/url`,
    ]);
  });

  it("rejects the mock's 422 with an HTTPValidationError, and a file another key cannot see with a 404", async () => {
    await expect(mistral.files.list({ purpose: "audio" })).rejects.toMatchObject({
      statusCode: 422,
      detail: [{ loc: ["query", "purpose"], type: "enum", input: "audio" }],
    });
    const hidden = await uploadFile(core, { file: new File(["{}\n"], "a.jsonl"), visibility: "user" });
    const other = new MistralBatch({ apiKey: "sk-other", serverURL: MOCK_URL, retryConfig: { strategy: "none" } });
    await expect(other.files.getSignedUrl({ file_id: hidden.id })).rejects.toMatchObject({ statusCode: 404 });
    expect((await other.files.list()).data).toEqual([]);
  });
});
