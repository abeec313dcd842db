#!/usr/bin/env node
// Package quality gates (issue 8), run after `pnpm build`: for each public package,
// publint --strict and arethetypeswrong on the packed tarball; then every tarball is
// installed into a scratch project, as a user would, imported from ESM and from
// CommonJS, and type-checked with TypeScript 7 and 6, moduleResolution "bundler" and "node16".
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const packages = ["client", "msw", "express", "react"]
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => readdirSync(join(root, "packages")).includes(dir.split("/").pop()))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }));

// Peers a user installs beside our packages, at the versions the repo tests.
const PEERS = ["react@19", "react-dom@19", "@tanstack/react-query@5", "express@5", "msw@3.0.5"];
// Users type-check with TypeScript 7 (native) or 6 (the last JavaScript compiler): our declarations must suit both.
const TYPES = [
  "typescript@7.0.2",
  "typescript6@npm:typescript@6.0.3",
  "@types/node@20",
  "@types/react@19",
  "@types/express@5",
];
const COMPILERS = [
  ["TypeScript 7", "node_modules/typescript/bin/tsc"],
  ["TypeScript 6", "node_modules/typescript6/bin/tsc"],
];

const run = (command, args, cwd) => {
  console.log(`$ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd, stdio: "inherit" });
};

// require(esm) is how CommonJS loads these ESM-only packages on Node >= 20.19, our floor;
// the CommonJS check below proves it, so attw's esm-only profile is the honest one.
for (const { dir } of packages) {
  run("pnpm", ["exec", "publint", "--strict"], dir);
  run("pnpm", ["exec", "attw", "--pack", ".", "--profile", "esm-only"], dir);
}

const scratch = mkdtempSync(join(tmpdir(), "mistral-batch-scratch-"));
try {
  for (const { dir } of packages) run("pnpm", ["pack", "--pack-destination", scratch], dir);
  const tarballs = readdirSync(scratch).filter((file) => file.endsWith(".tgz"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs.map((t) => `./${t}`), ...PEERS, ...TYPES],
    scratch,
  );

  const names = packages.map(({ manifest }) => manifest.name);
  const esm = names.map((name, i) => `import * as p${i} from "${name}";`).join("\n");
  const check = names
    .map((name, i) => `if (Object.keys(p${i}).length === 0) throw new Error("${name}: no exports");`)
    .join("\n");
  writeFileSync(
    join(scratch, "esm.mjs"),
    `${esm}\n${check}\nconsole.log("ESM import ok:", ${JSON.stringify(names.join(", "))});\n`,
  );
  writeFileSync(
    join(scratch, "cjs.cjs"),
    `${names.map((name) => `if (Object.keys(require("${name}")).length === 0) throw new Error("${name}");`).join("\n")}\nconsole.log("CommonJS require ok");\n`,
  );
  run("node", ["esm.mjs"], scratch);
  run("node", ["cjs.cjs"], scratch);
  // Subpath entries, each imported on its own as a user would.
  const subpaths = {
    "@mistral-batch/msw": "@mistral-batch/msw/node",
    "@mistral-batch/express": "@mistral-batch/express/fetch",
  };
  for (const [name, subpath] of Object.entries(subpaths)) {
    if (!names.includes(name)) continue;
    run("node", ["-e", `import("${subpath}").then(m => { if (!Object.keys(m).length) process.exit(1); })`], scratch);
  }

  // Compiled with exactOptionalPropertyTypes: options read from the environment (`string | undefined`) must compile.
  const usage = [
    `import { MistralBatch, type BatchJob } from "@mistral-batch/client";`,
    `const mistral = new MistralBatch({ apiKey: process.env.MISTRAL_API_KEY, serverURL: process.env.MISTRAL_SERVER_URL });`,
    `export const job: Promise<BatchJob> = mistral.batch.jobs.get({ job_id: "4017dc9f-b629-42f4-9700-8c681b9e7f0f" }, { timeoutMs: undefined });`,
    `export const created = mistral.batch.jobs.create({ endpoint: "/v1/ocr", model: process.env.MISTRAL_MODEL, input_files: [] });`,
    ...(names.includes("@mistral-batch/express")
      ? [
          `import { createFetchHandler } from "@mistral-batch/express/fetch";`,
          `export const handle = createFetchHandler({ apiKey: process.env.MISTRAL_API_KEY, serverURL: process.env.MISTRAL_SERVER_URL, basePath: process.env.BASE_PATH, authorize: () => null });`,
        ]
      : []),
    ...(names.includes("@mistral-batch/msw")
      ? [
          `import { startMockServer } from "@mistral-batch/msw/node";`,
          `export const mock = startMockServer({ port: process.env.PORT ? Number(process.env.PORT) : undefined, apiKey: process.env.MOCK_API_KEY });`,
        ]
      : []),
    ...(names.includes("@mistral-batch/react")
      ? [
          `import { useBatchJobs } from "@mistral-batch/react";`,
          `export const useJobs = () => useBatchJobs({ model: process.env.MISTRAL_MODEL }, { pollIntervalMs: undefined });`,
        ]
      : []),
    ...names
      .filter((name) => name !== "@mistral-batch/client")
      .map((name) => `export * as ${name.split("/")[1]} from "${name}";`),
    ...(names.includes("@mistral-batch/express")
      ? [`export * as expressFetch from "@mistral-batch/express/fetch";`]
      : []),
  ].join("\n");
  writeFileSync(join(scratch, "usage.ts"), `${usage}\n`);
  for (const [module, moduleResolution] of [
    ["esnext", "bundler"],
    ["node16", "node16"],
  ]) {
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module,
          moduleResolution,
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ["ES2023", "DOM"],
          types: ["node"],
          jsx: "react-jsx",
        },
        files: ["usage.ts"],
      }),
    );
    for (const [compiler, tsc] of COMPILERS) {
      run("node", [tsc, "-p", "tsconfig.json"], scratch);
      console.log(`types ok with ${compiler}, moduleResolution ${moduleResolution}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// The CLI is a bin, not a library: installed alone (with the client it depends on) into an empty project, as
// `npx @mistral-batch/cli` does, it must start and print its usage.
const cli = join(root, "packages/cli");
const cliScratch = mkdtempSync(join(tmpdir(), "mistral-batch-cli-"));
try {
  run("pnpm", ["exec", "publint", "--strict"], cli);
  for (const dir of [cli, join(root, "packages/client")]) run("pnpm", ["pack", "--pack-destination", cliScratch], dir);
  const tarballs = readdirSync(cliScratch).filter((file) => file.endsWith(".tgz"));
  writeFileSync(join(cliScratch, "package.json"), JSON.stringify({ name: "scratch-cli", private: true }));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs.map((t) => `./${t}`)], cliScratch);
  run("npx", ["--no-install", "mistral-batch", "--help"], cliScratch);
} finally {
  rmSync(cliScratch, { recursive: true, force: true });
}
