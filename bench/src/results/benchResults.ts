/**
 * `pnpm bench`: streaming batch results. Side by side on a file the baseline
 * can hold (100 MB), interleaved and repeated: MB/s of `batch.jobs.results()`
 * against `res.text()` + `split("\n")` + `JSON.parse`. Then one pass of
 * `results()` over a 1,000,000-line (1 GB) file for its MB/s and peak RSS.
 * Each reader runs in its own process against a server in another process.
 * Prints a table and merges its figures into bench/results.json.
 *
 * `--quick` runs fewer repetitions on smaller files.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const quick = process.argv.includes("--quick");
const SIDE_BY_SIDE_LINES = quick ? 20_000 : 100_000;
const BIG_LINES = quick ? 200_000 : 1_000_000;
const REPETITIONS = quick ? 2 : 3;
const RSS_BUDGET_MB = 150;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL("../../results.json", import.meta.url));

interface Measure {
  seconds: number;
  bytes: number;
  count: number;
  peakRssMb: number;
}

interface BenchEntry {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [here("./outputServer.js")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`output server exited with ${code}`)));
    child.stdout?.on("data", (data: Buffer) => {
      const match = /listening on (\S+)/.exec(String(data));
      if (match?.[1]) resolve({ url: match[1], child });
    });
  });
}

function consume(mode: "results" | "baseline", url: string, lines: number): Promise<Measure> {
  const child = spawn(process.execPath, [here("./consumeResults.js"), mode, url, String(lines)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (data: Buffer) => {
    out += data;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`${mode} reader exited with ${code}`)),
    );
  });
}

const mbPerSecond = (m: Measure) => m.bytes / 1e6 / m.seconds;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (value: number) => Math.round(value * 100) / 100;

const { url, child } = await startServer();
try {
  const runs = { baseline: [] as Measure[], results: [] as Measure[] };
  for (let i = 0; i < REPETITIONS; i++) {
    // Alternate who goes first, so neither always runs on a warmer machine.
    const order = i % 2 === 0 ? (["baseline", "results"] as const) : (["results", "baseline"] as const);
    for (const mode of order) runs[mode].push(await consume(mode, url, SIDE_BY_SIDE_LINES));
  }
  const big = await consume("results", url, BIG_LINES);

  const baselineMbps = median(runs.baseline.map(mbPerSecond));
  const resultsMbps = median(runs.results.map(mbPerSecond));
  const sideMb = (SIDE_BY_SIDE_LINES * 1000) / 1e6;
  const bigMb = big.bytes / 1e6;
  const entries: BenchEntry[] = [
    { name: `results.baseline.${sideMb}mb.throughput`, value: round(baselineMbps), unit: "MB/s" },
    {
      name: `results.stream.${sideMb}mb.throughput`,
      value: round(resultsMbps),
      unit: "MB/s",
      baseline: round(baselineMbps),
      ratio: round(resultsMbps / baselineMbps),
    },
    {
      name: `results.baseline.${sideMb}mb.peakRss`,
      value: round(median(runs.baseline.map((m) => m.peakRssMb))),
      unit: "MB",
    },
    {
      name: `results.stream.${sideMb}mb.peakRss`,
      value: round(median(runs.results.map((m) => m.peakRssMb))),
      unit: "MB",
    },
    { name: `results.stream.${bigMb}mb.throughput`, value: round(mbPerSecond(big)), unit: "MB/s" },
    { name: `results.stream.${bigMb}mb.peakRss`, value: round(big.peakRssMb), unit: "MB", baseline: RSS_BUDGET_MB },
  ];
  console.table(entries);
  console.log(
    `results(): ${round(resultsMbps / baselineMbps)}x the baseline's MB/s (target >= 0.8); ` +
      `peak RSS over ${BIG_LINES} lines (${bigMb} MB): ${round(big.peakRssMb)} MB (budget ${RSS_BUDGET_MB} MB)`,
  );
  mergeResults(entries);
  if (big.peakRssMb > RSS_BUDGET_MB) process.exitCode = 1;
} finally {
  child.kill();
}

/** Replaces this bench's entries in bench/results.json, keeping those of other benches. */
function mergeResults(entries: BenchEntry[]): void {
  const previous: BenchEntry[] = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, "utf8")) : [];
  const names = new Set(entries.map((e) => e.name));
  const kept = previous.filter((e) => !names.has(e.name) && !e.name.startsWith("results."));
  writeFileSync(RESULTS_FILE, `${JSON.stringify([...kept, ...entries], null, 2)}\n`);
}
