#!/usr/bin/env node
// Every public package's README, tried as a new user would (issue 19), after `pnpm build`: the package is packed
// and installed alone into an empty project with exactly the README's install line (our own packages it names or
// depends on come from their tarballs, everything else from the registry), then each code block is handled as its
// fence says:
//   ```ts run       written to a file, type-checked, and run against the mock (MISTRAL_API_KEY and
//                   MISTRAL_SERVER_URL point at it): as TypeScript on the running Node (24), and compiled to
//                   JavaScript on Node 20.19, the floor of `engines`; each run must exit 0 within a minute
//   ```ts types     type-checked only (it starts a server, needs a test runner, or is a fragment of the block above
//                   that is complete on its own)
//   ```ts skip: why not checked at all, and why
//   ```sh run       run with bash in the project, our bins and each Node on PATH, against the mock as above
// The install lines are every `npm i` / `pnpm add` / `yarn add` line of the other sh blocks (flags such as -g and
// -D dropped: everything goes into the one project).
// A TypeScript or JavaScript block without one of these fails the check. Type checks run under `strict` and
// `exactOptionalPropertyTypes`, with moduleResolution "bundler" and "nodenext".
//
// Usage: node scripts/check-readmes.mjs [package...]   (client, react, express, msw, cli; all by default)
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { nodeBinary } from "./lib/nodeBinary.mjs";

const root = new URL("..", import.meta.url).pathname;
const PUBLIC = ["client", "react", "express", "msw", "cli"];
const CODE = new Set(["ts", "tsx", "js", "mjs"]);
const INSTALL = /^(?:npm (?:i|install)|pnpm add|yarn add)\s+(.+)$/gm;
// The checker's own tools, beside what the README installs: a compiler and Node's types for the type checks.
const TOOLS = ["typescript@6.0.3", "@types/node@24"];
/** The oldest Node the published packages support (`engines.node`). */
const FLOOR_NODE = "20.19.0";
/** READMEs whose blocks cannot run on FLOOR_NODE as installed, and why. */
const NOT_ON_FLOOR = {
  // The install line gets msw 3, which needs Node >= 22.12; the node-matrix runs this package's tests with msw 2 there.
  msw: "msw 3 needs Node >= 22.12",
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : PUBLIC;
const nodes = [
  { label: `Node ${process.versions.node}`, binary: process.execPath, compiled: false },
  { label: `Node ${FLOOR_NODE}`, binary: nodeBinary(FLOOR_NODE).binary, compiled: true },
];
const tarballs = packAll();
const mock = await startMock();
const failures = [];
try {
  for (const name of names) {
    try {
      await checkReadme(name);
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
      console.error(`FAIL ${name}: ${error.message}`);
    }
  }
} finally {
  mock.stop();
  rmSync(tarballs.dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\n${failures.length} README(s) failed:\n${failures.join("\n")}`);
  process.exit(1);
}
console.log(`\nREADMEs ok: ${names.join(", ")}`);

/** The blocks of a README: language, what the fence asks for, the code, and its line. */
function blocksOf(text) {
  const blocks = [];
  const fence = /^```(\w+)?([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    const [, lang = "", meta, code] = match;
    const line = text.slice(0, match.index).split("\n").length;
    blocks.push({ lang, mode: meta.trim(), code, line });
  }
  return blocks;
}

async function checkReadme(name) {
  const dir = join(root, "packages", name);
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const blocks = blocksOf(readme);
  const installed = blocks
    .filter((block) => block.lang === "sh" && block.mode !== "run")
    .flatMap((block) => [...block.code.matchAll(INSTALL)].map((match) => match[1].split("#")[0].trim()));
  if (installed.length === 0) throw new Error("no install line (npm i / pnpm add) in a sh block");
  const code = blocks.filter((block) => CODE.has(block.lang));
  const shellRuns = blocks.filter((block) => block.lang === "sh" && block.mode === "run");
  for (const block of code) {
    if (!/^(run|types|skip: .{8,})$/.test(block.mode)) {
      throw new Error(`the ${block.lang} block at line ${block.line} says neither "run", "types" nor "skip: why"`);
    }
  }

  const project = mkdtempSync(join(tmpdir(), `readme-${name}-`));
  try {
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "readme-check", private: true, type: "module" }),
    );
    const words = installed.flatMap((line) => line.split(/\s+/)).filter((word) => !word.startsWith("-"));
    const specs = words.map((word) => tarballs.byName.get(word.replace(/@[^@/]*$/, "")) ?? word);
    const own = ourDependencies(dir).filter((dependency) => !specs.includes(dependency));
    console.log(
      `\n== ${name}: npm install ${words.join(" ")}${own.length ? ` (+ ${own.length} of our tarballs)` : ""}`,
    );
    npm(project, [...specs, ...own]);
    npm(project, TOOLS);

    const checked = code.filter((block) => block.mode !== "skip" && !block.mode.startsWith("skip:"));
    const files = checked.map((block, index) => {
      const extension = block.lang === "tsx" ? "tsx" : block.lang === "ts" ? "ts" : "mjs";
      const file = `block-${index + 1}-line-${block.line}.${extension}`;
      // Each block is a module of its own, so that top-level await and its own names work.
      writeFileSync(join(project, file), `${block.code}\nexport {};\n`);
      return { ...block, file };
    });
    if (files.length > 0) {
      for (const moduleResolution of ["bundler", "nodenext"]) typeCheck(project, files, moduleResolution);
    }
    const runnable = files.filter((b) => b.mode === "run");
    if (runnable.length > 0) compile(project, runnable);
    for (const block of runnable) {
      if (block.lang === "tsx") throw new Error(`line ${block.line}: a tsx block cannot run; mark it "types"`);
      for (const node of nodesFor(name)) await runBlock(project, block, node);
    }
    for (const [index, block] of shellRuns.entries()) {
      const file = `shell-${index + 1}-line-${block.line}.sh`;
      writeFileSync(join(project, file), block.code);
      for (const node of nodesFor(name)) await runBlock(project, { ...block, file }, node);
    }
    const skipped = code.length - checked.length;
    console.log(
      `ok ${name}: ${files.length} blocks type-checked, ${runnable.length + shellRuns.length} run${skipped ? `, ${skipped} skipped` : ""}`,
    );
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

function nodesFor(name) {
  if (!NOT_ON_FLOOR[name]) return nodes;
  console.log(`${name}: not run on Node ${FLOOR_NODE}: ${NOT_ON_FLOOR[name]}`);
  return nodes.filter((node) => !node.compiled);
}

/** Tarballs of our own packages that the package depends on, which npm could not find on the registry. */
function ourDependencies(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return Object.keys(manifest.dependencies ?? {})
    .filter((dependency) => tarballs.byName.has(dependency))
    .map((dependency) => tarballs.byName.get(dependency));
}

function typeCheck(project, files, moduleResolution) {
  const compilerOptions = compilerOptionsFor(moduleResolution);
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: files.map((f) => f.file) }));
  tsc(project, `type errors with moduleResolution ${moduleResolution}`);
}

/** The blocks as JavaScript in out/, for a Node that cannot strip types. */
function compile(project, files) {
  const compilerOptions = {
    ...compilerOptionsFor("nodenext"),
    noEmit: false,
    outDir: "out",
    allowImportingTsExtensions: false,
  };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: files.map((f) => f.file) }));
  tsc(project, "compiling the runnable blocks");
}

function compilerOptionsFor(moduleResolution) {
  return {
    module: moduleResolution === "bundler" ? "esnext" : "nodenext",
    moduleResolution,
    target: "es2022",
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    types: ["node"],
    jsx: "react-jsx",
    allowJs: true,
    checkJs: false,
  };
}

function tsc(project, what) {
  try {
    execFileSync(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], {
      cwd: project,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    throw new Error(`${what}:\n${error.stdout}`);
  }
}

/** Runs a block on `node`: a TypeScript one as it is (or compiled, for a Node without type stripping), a shell one with bash. */
function runBlock(project, block, node) {
  const [command, args] =
    block.lang === "sh"
      ? ["bash", ["-euo", "pipefail", block.file]]
      : [node.binary, [node.compiled ? join("out", block.file.replace(/\.ts$/, ".js")) : block.file]];
  const path = [dirname(node.binary), join(project, "node_modules/.bin"), process.env.PATH].join(delimiter);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: project,
      env: { ...process.env, PATH: path, MISTRAL_API_KEY: "test", MISTRAL_SERVER_URL: mock.url, NODE_NO_WARNINGS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        console.log(`ran line ${block.line} on ${node.label}: ok`);
        resolve();
      } else {
        reject(
          new Error(
            `the block at line ${block.line} exited ${code ?? signal} on ${node.label}:\n${output.slice(-2000)}`,
          ),
        );
      }
    });
  });
}

function npm(project, specs) {
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs], {
    cwd: project,
    stdio: "inherit",
  });
}

/** Packs every public package once: name to tarball path. */
function packAll() {
  const dir = mkdtempSync(join(tmpdir(), "readme-tarballs-"));
  const byName = new Map();
  for (const name of PUBLIC) {
    const packageDir = join(root, "packages", name);
    const before = new Set(readdirSync(dir));
    execFileSync("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, stdio: "ignore" });
    const tarball = readdirSync(dir).find((file) => !before.has(file));
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
    byName.set(manifest.name, join(dir, tarball));
  }
  return { dir, byName };
}

/** The mock's standalone server, from its own tarball in a project of its own, on a free port. */
async function startMock() {
  const project = mkdtempSync(join(tmpdir(), "readme-mock-"));
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "readme-mock", private: true, type: "module" }));
  npm(project, [tarballs.byName.get("@mistral-batch/msw"), tarballs.byName.get("@mistral-batch/client"), "msw@3"]);
  // The bin itself rather than through npx, so that stopping it stops the server.
  const child = spawn(
    join(project, "node_modules/.bin/mistral-batch-mock"),
    ["--port", "0", "--queue-delay-ms", "100", "--job-duration-ms", "1000"],
    { cwd: project, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`mistral-batch-mock exited ${code}`)));
  });
  console.log(`mock on ${url}`);
  return {
    url,
    stop() {
      child.kill("SIGTERM");
      rmSync(project, { recursive: true, force: true });
    },
  };
}
