import { MistralBatch } from "@mistral-batch/client";
import { notFoundBody } from "@mistral-batch/client/contract";
import { Mistral } from "@mistralai/mistralai";
import express from "express";
import { describe, expect, it } from "vitest";
import { createFileTagger } from "../src/internal/ownership/fileTag.js";
import { MAX_FILES_SCANNED } from "../src/internal/ownership/listOwnedFiles.js";
import { raw } from "./support/http.js";
import { SERVER_KEY, TOKENS } from "./support/startProxyApp.js";
import { useProxyOverMock } from "./support/useProxyOverMock.js";

type User = keyof typeof TOKENS;
const MISSING = "00000000-0000-4000-8000-000000000000";
const LINES = `${JSON.stringify({ custom_id: "0", body: { input: "hi" } })}\n`;

describe("GET /v1/files and GET /v1/files/{file_id}/url through the proxy", () => {
  const suite = useProxyOverMock(express);
  const ours = (user: User) =>
    new MistralBatch({ apiKey: TOKENS[user], serverURL: suite.app.url, retryConfig: { strategy: "none" } });
  const upload = async (user: User, filename: string, purpose?: "batch" | "fine-tune") =>
    (await ours(user).files.upload({ file: new Blob([LINES]), filename, ...(purpose ? { purpose } : {}) })).id;

  it("lists each user only the files they uploaded, by the names they gave, paged, with their total", async () => {
    const a1 = await upload("alice", "a1.jsonl");
    await upload("bob", "b1.jsonl");
    const a2 = await upload("alice", "a2.jsonl");
    // A file of the API's own (no tag): nobody lists it.
    suite.simulator.uploadFile({ filename: "a-shared.jsonl", content: LINES, purpose: "batch" });
    const alice = ours("alice");
    const all = await alice.files.list({ page_size: 100 });
    expect(all.total).toBe(2);
    expect(all.data.map((file) => file.id).sort()).toEqual([a1, a2].sort());
    expect(all.data.map((file) => file.filename).sort()).toEqual(["a1.jsonl", "a2.jsonl"]);
    const first = await alice.files.list({ page: 0, page_size: 1 });
    const second = await alice.files.list({ page: 1, page_size: 1 });
    expect([...first.data, ...second.data].map((file) => file.id).sort()).toEqual([a1, a2].sort());
    expect(first.total).toBe(2);
    expect((await ours("bob").files.list()).data.map((file) => file.filename)).toEqual(["b1.jsonl"]);
  });

  it("matches the caller's search on the names they gave, not on the stored, tagged ones", async () => {
    await upload("alice", "Invoices-2026.jsonl");
    await upload("alice", "other.jsonl");
    await upload("bob", "invoices-bob.jsonl");
    const found = await ours("alice").files.list({ search: "invoices" });
    expect(found.data.map((file) => file.filename)).toEqual(["Invoices-2026.jsonl"]);
    // The tag itself is no search term: it is not part of any name the caller sees.
    const tag = suite.simulator.getFile(found.data[0]!.id).filename.split(".")[0]!;
    expect((await ours("bob").files.list({ search: tag })).total).toBe(0);
  });

  it("passes the purpose filter on, and leaves total out when include_total is false", async () => {
    await upload("alice", "train.jsonl", "fine-tune");
    await upload("alice", "batch.jsonl", "batch");
    const batch = await ours("alice").files.list({ purpose: "batch" });
    expect(batch.data.map((file) => file.filename)).toEqual(["batch.jsonl"]);
    const answer = await raw(suite.app.url, "alice", "GET", "/v1/files?include_total=false");
    expect(answer.status).toBe(200);
    expect(answer.json.total).toBeUndefined();
    expect(answer.json.data).toHaveLength(2);
  });

  it("refuses a bad query with the failing fields", async () => {
    const answer = await raw(suite.app.url, "alice", "GET", "/v1/files?page=-1&page_size=x");
    expect(answer.status).toBe(400);
    expect((answer.json.detail as { loc: string[] }[]).map((issue) => issue.loc.join("."))).toEqual([
      "query.page",
      "query.page_size",
    ]);
  });

  it("answers 502, not a short list, past the files it scans", async () => {
    // Names that hold Alice's tag without being hers: the upstream's search finds them, the proxy's check does not.
    const tag = await createFileTagger(SERVER_KEY)("alice");
    for (let i = 0; i <= MAX_FILES_SCANNED; i++) {
      suite.simulator.uploadFile({ filename: `decoy-${tag}-${i}.jsonl`, content: "", purpose: "batch" });
    }
    const answer = await raw(suite.app.url, "alice", "GET", "/v1/files");
    expect(answer.status).toBe(502);
    expect(answer.json.message).toMatch(/more than the 10000 files the proxy filters itself.*narrow it with purpose/);
  }, 60_000);

  it("signs a download URL for the caller's own file, and answers another user's or a missing one 404", async () => {
    const own = await upload("alice", "mine.jsonl");
    const signed = await ours("alice").files.getSignedUrl({ file_id: own, expiry: 2 });
    expect(signed.url).toMatch(/^http/);
    // The URL is a bearer capability on the upstream: it downloads without any token.
    expect(await (await fetch(signed.url)).text()).toBe(LINES);
    for (const [user, fileId] of [
      ["bob", own],
      ["alice", MISSING],
    ] as const) {
      const answer = await raw(suite.app.url, user, "GET", `/v1/files/${fileId}/url`);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(notFoundBody("file", fileId));
    }
    const bad = await raw(suite.app.url, "alice", "GET", `/v1/files/${own}/url?expiry=500`);
    expect(bad.status).toBe(400);
  });

  it("serves both routes to the official SDK", async () => {
    const sdk = new Mistral({ apiKey: TOKENS.alice, serverURL: suite.app.url });
    const file = await sdk.files.upload({ file: { fileName: "sdk.jsonl", content: new TextEncoder().encode(LINES) } });
    await upload("bob", "bob.jsonl");
    const listed = await sdk.files.list({ pageSize: 10 });
    expect(listed.data.map((f) => f.filename)).toEqual(["sdk.jsonl"]);
    expect(listed.total).toBe(1);
    const signed = await sdk.files.getSignedUrl({ fileId: file.id, expiry: 1 });
    expect(await (await fetch(signed.url)).text()).toBe(LINES);
  });
});
