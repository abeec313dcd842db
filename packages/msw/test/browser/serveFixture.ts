import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The page's origin and a way to stop serving it. */
export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** `entry.ts` bundled for the browser, against the workspace's sources as the tests see them. */
async function bundleEntry(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [here("./entry.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["@mistral-batch/source"],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.contents;
}

/**
 * Serves the fixture page on 127.0.0.1 and a free port: `index.html`, the
 * bundled entry, and msw's `mockServiceWorker.js`, read from the installed msw
 * (what `npx msw init` would copy) and served at the root, so that the worker's
 * scope covers the page.
 */
export async function serveFixture(): Promise<FixtureServer> {
  const require = createRequire(import.meta.url);
  const [html, entry, worker] = await Promise.all([
    readFile(here("./index.html")),
    bundleEntry(),
    readFile(require.resolve("msw/mockServiceWorker.js")),
  ]);
  const files = new Map<string, { type: string; body: Uint8Array }>([
    ["/", { type: "text/html", body: html }],
    ["/entry.js", { type: "text/javascript", body: entry }],
    ["/mockServiceWorker.js", { type: "text/javascript", body: worker }],
  ]);
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? "/", "http://localhost").pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
