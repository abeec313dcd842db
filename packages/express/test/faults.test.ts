import { execFile } from "node:child_process";
import { connect } from "node:net";
import { promisify } from "node:util";
import { MAX_JSON_DEPTH } from "@mistral-batch/client/contract";
import express5 from "express";
import express4 from "express4";
import { describe, expect, it, vi } from "vitest";
import { MAX_INPUT_FILES } from "../src/index.js";
import { createFileTagger } from "../src/internal/ownership/fileTag.js";
import { failingFields, raw } from "./support/http.js";
import { SERVER_KEY, startProxyApp, TOKENS } from "./support/startProxyApp.js";
import { useProxyOverMock } from "./support/useProxyOverMock.js";

const MISSING = "00000000-0000-4000-8000-000000000000";
const ALICE_TAG = await createFileTagger(SERVER_KEY)("alice");
const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => `{"custom_id":"${i}","body":{"input":"x"}}\n`).join("");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const JSON_TYPE = { "content-type": "application/json" };
/** A create body whose one request's input nests `depth` arrays: the body itself is `depth + 4` deep. */
const nestedCreate = (depth: number) =>
  `{"endpoint":"/v1/moderations","model":"m","requests":[{"body":{"input":${"[".repeat(depth)}${"]".repeat(depth)}}}]}`;

const MiB = 1024 * 1024;
const UPLOAD_HEAD = '--b\r\nContent-Disposition: form-data; name="file"; filename="big.jsonl"\r\n\r\n';

/**
 * Streams an upload as chunked HTTP over a raw socket: 2 MiB, then, once the
 * answer has come, 2 MiB more and the end. Resolves with the status answered
 * and the socket error, if any, met while sending the rest.
 */
function uploadPastTheAnswer(url: string, token: string | null): Promise<{ status: number; error: string | null }> {
  const { hostname, port, pathname } = new URL(url);
  const chunk = (bytes: Buffer) =>
    Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n")]);
  const filler = Buffer.alloc(2 * MiB, "x");
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    let error: string | null = null;
    let sentRest = false;
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on("data", (data) => {
      answer += data.toString("latin1");
      if (sentRest || !answer.includes("}")) return;
      sentRest = true;
      socket.write(chunk(filler));
      socket.end("0\r\n\r\n");
    });
    socket.on("close", () => resolve({ status: Number(answer.slice(9, 12)), error }));
    const auth = token ? `authorization: Bearer ${token}\r\n` : "";
    socket.write(
      `POST ${pathname}/v1/files HTTP/1.1\r\nhost: ${hostname}\r\n${auth}` +
        "content-type: multipart/form-data; boundary=b\r\ntransfer-encoding: chunked\r\n\r\n",
    );
    socket.write(chunk(Buffer.from(UPLOAD_HEAD)));
    socket.write(chunk(filler));
  });
}

/** In a process of its own, as a browser would be: fetch() streams 25 MiB uploads; prints each status or error code. */
const FETCH_UPLOADS = `
const [url, token] = process.argv.slice(1);
const head = new TextEncoder().encode(${JSON.stringify(UPLOAD_HEAD)});
const outcomes = [];
for (let i = 0; i < 12; i++) {
  let sent = 0;
  const body = new ReadableStream({
    start(controller) { controller.enqueue(head); },
    pull(controller) {
      if (sent >= 25 * 1024 * 1024) return controller.close();
      sent += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(120));
    },
  });
  const headers = { "content-type": "multipart/form-data; boundary=b" };
  if (token) headers.authorization = "Bearer " + token;
  try {
    const response = await fetch(url + "/v1/files", { method: "POST", headers, body, duplex: "half" });
    outcomes.push(response.status);
    await response.text();
  } catch (error) {
    outcomes.push(error.cause?.code ?? String(error));
  }
}
console.log(JSON.stringify(outcomes));
`;

describe.each([
  ["Express 5 after express.json()", express5, true],
  ["Express 5 alone", express5, false],
  ["Express 4 after express.json()", express4, true],
  ["Express 4 alone", express4, false],
])("%s, under faults", (_, expressModule, hostJsonParser) => {
  const suite = useProxyOverMock(expressModule, { hostJsonParser });
  const { simulator } = suite;

  /** A finished job of alice's, made in the mock directly, over an input file of `count` requests. */
  function finishedJobOfAlice(count: number): string {
    const file = simulator.uploadFile({ filename: `${ALICE_TAG}.in.jsonl`, content: lines(count), purpose: "batch" });
    const job = simulator.createJob({
      endpoint: "/v1/moderations",
      model: "m",
      input_files: [file.id],
      metadata: { owner: "alice" },
    });
    simulator.clock.advance(60_000);
    return job.id;
  }

  it("refuses user ids that differ only in a lone surrogate, so none reaches another's files", async () => {
    const users = {
      "token-high": "mallory\uD800",
      "token-low": "mallory\uDFFF",
      "token-replacement": "mallory\uFFFD",
      "token-astral": "mallory\uD83D\uDE00",
    };
    const surrogates = await startProxyApp(expressModule, suite.mock.url, { hostJsonParser, users });
    try {
      const upload = (token: string) => {
        const form = new FormData();
        form.append("purpose", "batch");
        form.append("file", new Blob([lines(1)]), "mine.jsonl");
        return raw(surrogates.url, null, "POST", "/v1/files", { headers: bearer(token), body: form });
      };
      // Well-formed ids, a surrogate pair included, are users like any other.
      const replacement = await upload("token-replacement");
      expect(replacement.status).toBe(200);
      expect((await upload("token-astral")).status).toBe(200);
      expect(simulator.getFile(replacement.json.id as string).filename).toMatch(/^[\w-]{22}\.mine\.jsonl$/);
      for (const token of ["token-high", "token-low"]) {
        const read = await raw(surrogates.url, null, "GET", `/v1/files/${replacement.json.id}/content`, {
          headers: bearer(token),
        });
        expect(read.status, token).toBe(401);
        expect((await upload(token)).status, token).toBe(401);
      }
      expect(
        (
          await raw(surrogates.url, null, "GET", `/v1/files/${replacement.json.id}`, {
            headers: bearer("token-astral"),
          })
        ).status,
      ).toBe(404);
      expect(surrogates.events.filter((event) => event.status === 401).map((event) => event.userId)).toEqual([
        null,
        null,
        null,
        null,
      ]);
    } finally {
      await surrogates.close();
    }
  });

  it("answers another user's job as a missing one whatever the query, even where the upstream would refuse", async () => {
    const job = finishedJobOfAlice(10_001);
    // alice's own request meets the upstream's refusal, as it should.
    const own = await raw(suite.app.url, "alice", "GET", `/v1/batch/jobs/${job}?inline=true`);
    expect(own.status).toBe(400);
    expect(own.json.code).toBe("too_many_inline_results");
    for (const search of ["?inline=true", "?inline=false", "", "?inline=true&page=1"]) {
      const foreign = await raw(suite.app.url, "bob", "GET", `/v1/batch/jobs/${job}${search}`);
      const missing = await raw(suite.app.url, "bob", "GET", `/v1/batch/jobs/${MISSING}${search}`);
      expect(foreign.status, search).toBe(404);
      expect(foreign.text.replace(job, "ID"), search).toBe(missing.text.replace(MISSING, "ID"));
    }
  });

  it("answers 400, never 500, for a JSON body nested past the depth it reads", async () => {
    for (const depth of [5_000, MAX_JSON_DEPTH - 3, MAX_JSON_DEPTH - 4]) {
      await raw(suite.app.url, "alice", "POST", "/v1/batch/jobs", { headers: JSON_TYPE, body: nestedCreate(depth) });
    }
    expect(nestedCreate(5_000).length).toBeLessThan(11_000);
    expect(suite.app.events.map((event) => event.status)).toEqual([400, 400, 200]);
    expect(simulator.listJobs().total).toBe(1);
    const refused = await raw(suite.app.url, "alice", "POST", "/v1/batch/jobs", {
      headers: JSON_TYPE,
      body: nestedCreate(5_000),
    });
    expect(refused.json.message).toBe(`The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it("caps input_files, and checks many files in one read each plus one search of the caller's jobs", async () => {
    // 300 files alice did not upload, each hers through a job of hers that reads them.
    const files = Array.from(
      { length: 300 },
      (_, i) => simulator.uploadFile({ filename: `shared-${i}.jsonl`, content: lines(1), purpose: "batch" }).id,
    );
    simulator.createJob({ endpoint: "/v1/moderations", model: "m", input_files: files, metadata: { owner: "alice" } });
    let calls = 0;
    const count = () => calls++;
    suite.mock.server.on("request", count);
    try {
      const create = (inputFiles: string[]) =>
        raw(suite.app.url, "alice", "POST", "/v1/batch/jobs", {
          headers: JSON_TYPE,
          body: JSON.stringify({ endpoint: "/v1/moderations", model: "m", input_files: inputFiles }),
        });
      const over = await create(files);
      expect(over.status).toBe(400);
      expect(failingFields(over)).toEqual(["body.input_files"]);
      expect(calls).toBe(0);
      const atCap = await create(files.slice(0, MAX_INPUT_FILES));
      expect(atCap.status).toBe(200);
      // One read per file, one page of alice's jobs for all of them, and the create.
      expect(calls).toBe(MAX_INPUT_FILES + 2);
    } finally {
      suite.mock.server.off("request", count);
    }
  });

  it("reads a refused upload to its end before closing, so the caller finishes sending and reads the answer", async () => {
    const small = await startProxyApp(expressModule, suite.mock.url, { hostJsonParser, limits: { upload: MiB } });
    try {
      expect(await uploadPastTheAnswer(small.url, TOKENS.alice)).toEqual({ status: 413, error: null });
      expect(await uploadPastTheAnswer(small.url, null)).toEqual({ status: 401, error: null });
    } finally {
      await small.close();
    }
  });

  it("answers fetch() callers streaming past the limit, or without a user, with the status, not EPIPE", async () => {
    const small = await startProxyApp(expressModule, suite.mock.url, { hostJsonParser, limits: { upload: 2 * MiB } });
    try {
      for (const [token, status] of [
        [TOKENS.alice, 413],
        ["", 401],
      ] as const) {
        const { stdout } = await promisify(execFile)(process.execPath, [
          "--input-type=module",
          "--eval",
          FETCH_UPLOADS,
          small.url,
          token,
        ]);
        expect(JSON.parse(stdout)).toEqual(Array(12).fill(status));
      }
    } finally {
      await small.close();
    }
  });

  // A host parser reads the body itself: its abort is the host's error, not a proxied request.
  it.runIf(!hostJsonParser)("reports a caller that leaves in the middle of a JSON body as 499", async () => {
    const { hostname, port, pathname } = new URL(suite.app.url);
    const socket = connect(Number(port), hostname);
    socket.on("error", () => {});
    socket.write(
      `POST ${pathname}/v1/batch/jobs HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: Bearer ${TOKENS.alice}\r\n` +
        'content-type: application/json\r\ncontent-length: 100000\r\n\r\n{"endpoint":"/v1/moderations",',
      () => socket.destroy(),
    );
    await vi.waitFor(() => expect(suite.app.events).toHaveLength(1), { timeout: 20_000 });
    expect(suite.app.events[0]).toMatchObject({ operation: "batch.jobs.create", userId: "alice", status: 499 });
  });
});
