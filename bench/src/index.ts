/**
 * `pnpm bench [--quick] [filter...]`: runs every src/<package>/*.bench.ts (compiled to dist/), or only those whose
 * path contains a filter, prints each bench's figures and then one table of all, and writes bench/results.json.
 * A filtered run replaces only the entries it measured and keeps the others already in the file.
 */

import { fork } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchEntry } from "./lib/BenchEntry.js";
import { formatTable } from "./lib/formatTable.js";
import { checkTargets } from "./lib/targets.js";

const root = fileURLToPath(new URL(".", import.meta.url));
// Found in src/ so that a bench deleted or renamed there never runs from a stale dist/.
const sources = fileURLToPath(new URL("../src/", import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL("../results.json", import.meta.url));

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const filters = args.filter((arg) => !arg.startsWith("--"));
const files = readdirSync(sources, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.ts$/, ".js"))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

/** Runs one bench file in a process of its own (see `lib/runBench.ts`) and resolves with its entries. */
async function runBench(path: string): Promise<BenchEntry[]> {
  const child = fork(`${root}lib/runBench.js`, [path, ...(quick ? ["--quick"] : [])], { execArgv: ["--expose-gc"] });
  let entries: BenchEntry[] | undefined;
  child.on("message", (message) => {
    entries = message as BenchEntry[];
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0 || !entries) throw new Error(`the bench process exited with ${code} without its entries`);
  return entries;
}

const started = performance.now();
const entries: BenchEntry[] = [];
const failed: string[] = [];
for (const file of files) {
  console.log(`\n## ${file}${quick ? " (quick)" : ""}`);
  const benchStarted = performance.now();
  try {
    const measured = await runBench(`${root}${file}`);
    console.log(formatTable(measured));
    entries.push(...measured);
  } catch (error) {
    failed.push(file);
    console.error(`${file} failed:`, error);
  }
  console.log(`(${((performance.now() - benchStarted) / 1000).toFixed(1)} s)`);
}

const names = new Set(entries.map((entry) => entry.name));
const kept: BenchEntry[] =
  filters.length > 0 && existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as BenchEntry[]).filter((entry) => !names.has(entry.name))
    : [];
writeFileSync(RESULTS_FILE, `${JSON.stringify([...kept, ...entries], null, 2)}\n`);

console.log(`\n## all (${((performance.now() - started) / 1000).toFixed(0)} s${quick ? ", quick" : ""})`);
console.log(formatTable(entries));
const targets = checkTargets(entries);
if (targets.length > 0) console.log(`\n## targets (issue 8)\n${targets.join("\n")}`);
console.log(`\nwrote ${RESULTS_FILE}`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
