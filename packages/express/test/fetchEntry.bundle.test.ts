import { builtinModules } from "node:module";
import { runInNewContext } from "node:vm";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import type * as FetchEntry from "../src/fetch.js";
import { SERVER_KEY } from "./support/startProxyApp.js";
import { call, JOB_BODY, useFetchHandlerOverMock } from "./support/useFetchHandlerOverMock.js";

const ENTRY = new URL("../src/fetch.ts", import.meta.url).pathname;
const NODE_BUILTINS = new Set(builtinModules);

/** Fails the build on any import of a Node built-in, `node:` prefixed or bare, and records it. */
function noNodeBuiltins(found: string[]): Plugin {
  return {
    name: "no-node-builtins",
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (!path.startsWith("node:") && !NODE_BUILTINS.has(path)) return undefined;
        found.push(`${path} (from ${importer})`);
        return { errors: [{ text: `Node built-in ${path} imported by ${importer}` }] };
      });
    },
  };
}

/** The fetch entry bundled as an edge runtime would: platform neutral, every dependency inlined. */
async function bundleFetchEntry(format: "esm" | "iife") {
  const found: string[] = [];
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    platform: "neutral",
    format,
    globalName: format === "iife" ? "fetchEntry" : undefined,
    mainFields: ["module", "main"],
    conditions: ["@mistral-batch/source"],
    logLevel: "silent",
    plugins: [noNodeBuiltins(found)],
  }).catch((error: unknown) => ({ error }));
  return { result, found };
}

it("bundles for a neutral platform with no Node built-in", async () => {
  const { result, found } = await bundleFetchEntry("esm");
  expect(found).toEqual([]);
  expect("error" in result ? result.error : undefined).toBeUndefined();
  const text = "outputFiles" in result ? result.outputFiles![0]!.text : "";
  expect(text).toContain("createFetchHandler");
  // Node's globals are not web APIs either; neither is Express.
  expect(text).not.toMatch(/\bBuffer\.|\bprocess\.|\bsetImmediate\(|require\(|from "express"/);
});

describe("the bundle, run with web globals only", () => {
  const suite = useFetchHandlerOverMock();

  it("serves two users from a context that has no Node API", async () => {
    const { result } = await bundleFetchEntry("iife");
    const code = "outputFiles" in result ? result.outputFiles![0]!.text : "";
    // What a web worker or an edge runtime has; nothing of Node (no Buffer, process, require).
    const web = {
      fetch,
      Request,
      Response,
      Headers,
      FormData,
      Blob,
      URL,
      URLSearchParams,
      ReadableStream,
      TransformStream,
      WritableStream,
      TextEncoder,
      TextDecoder,
      AbortController,
      AbortSignal,
      crypto,
      btoa,
      atob,
      performance,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      structuredClone,
      console,
    };
    const { createFetchHandler } = runInNewContext(`${code}; fetchEntry`, web) as typeof FetchEntry;
    const handle = createFetchHandler({
      apiKey: SERVER_KEY,
      serverURL: suite.mock.url,
      basePath: "/api/mistral",
      authorize: (request) => {
        const user = request.headers.get("authorization")?.replace("Bearer token-", "");
        return user ? { userId: user } : null;
      },
    });
    const created = await call(handle, "alice", "POST", "/v1/batch/jobs", {
      headers: { "content-type": "application/json" },
      body: JOB_BODY,
    });
    expect(created.json.metadata).toEqual({ owner: "alice" });
    expect((await call(handle, "bob", "GET", `/v1/batch/jobs/${created.json.id}`)).status).toBe(404);
    const form = new FormData();
    form.append("file", new Blob(["{}\n"]), "in.jsonl");
    const uploaded = await call(handle, "alice", "POST", "/v1/files", { body: form });
    expect(uploaded.json.filename).toBe("in.jsonl");
    expect((await call(handle, "bob", "GET", `/v1/files/${uploaded.json.id}`)).status).toBe(404);
  });
});
