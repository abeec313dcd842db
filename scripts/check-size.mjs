#!/usr/bin/env node
// Size budgets (issue 8): what a user's bundle pays for our packages, minified
// and gzipped with esbuild, peers left out. Run after `pnpm build`; exits 1 when
// a figure is over its budget.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const client = join(root, "packages/client/dist/index.js");
const react = join(root, "packages/react/dist/index.js");

const bundles = [
  {
    name: "client: the list call alone",
    // 3,000 B until issue 13 made the list send its metadata filter as the official SDKs do (exploded, refusing
    // the keys that form cannot carry) and refuse a relative serverURL where fetch cannot use it: about 270 B.
    // Then issue 19's options that take an explicit undefined as absent (+32 B) and headers handed to fetch as a
    // plain record, which fetch reads faster than a copied Headers (+38 B): 3,330 B.
    budget: 3400,
    code: `import { createMistralBatchCore, listBatchJobs } from ${JSON.stringify(client)};
           listBatchJobs(createMistralBatchCore({ apiKey: "k" }), { page: 0 }).then(console.log);`,
  },
  {
    name: "client: the whole facade with the workflow helpers",
    // 12,000 B until issue 15 made batch.run a durable engine (parts, caps, a manifest, retries of failed lines,
    // a lease, retryFailed): 13,542 B with it; then issue 18's live events (follow, an SSE reader), the one poll
    // schedule and upload progress: 14,568 B. Apps that need less import the functions they use.
    budget: 15000,
    code: `import * as client from ${JSON.stringify(client)}; console.log(client);`,
  },
  {
    name: "react: every hook, without its peers",
    budget: 4000,
    code: `import * as hooks from ${JSON.stringify(react)}; console.log(hooks);`,
    external: ["react", "react/jsx-runtime", "@tanstack/react-query", "@mistral-batch/client"],
  },
];

async function gzippedSize({ code, external = [] }) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    external,
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

/** The unpacked size of the published tarball, and its dependencies. */
function installedSize(packageDir) {
  const dir = mkdtempSync(join(tmpdir(), "size-"));
  try {
    execFileSync("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, stdio: "ignore" });
    const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"));
    execFileSync("tar", ["-xzf", tarball], { cwd: dir });
    const walk = (path) =>
      statSync(path).isDirectory()
        ? readdirSync(path).reduce((sum, entry) => sum + walk(join(path, entry)), 0)
        : statSync(path).size;
    return walk(join(dir, "package"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let failed = false;
const report = (name, value, budget) => {
  const ok = value <= budget;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "OVER"}  ${name.padEnd(52)} ${String(value).padStart(7)} B  (budget ${budget} B)`);
};

for (const bundle of bundles) report(`${bundle.name} (min+gzip)`, await gzippedSize(bundle), bundle.budget);
report("client: installed size (unpacked tarball)", installedSize(join(root, "packages/client")), 300_000);
const { dependencies = {} } = JSON.parse(
  execFileSync("cat", [join(root, "packages/client/package.json")], { encoding: "utf8" }),
);
report("client: runtime dependencies", Object.keys(dependencies).length, 0);

process.exit(failed ? 1 : 0);
