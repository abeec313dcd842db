/**
 * Streaming batch results. Side by side on a file the baseline can hold (100 MB), interleaved and repeated: MB/s of
 * `batch.jobs.results()` against `res.text()` + `split("\n")` + `JSON.parse`. Then one pass of `results()` over a
 * 1,000,000-line (1 GB) file for its MB/s and peak RSS (budget 150 MB). Each reader runs in its own process against
 * a server in another process, so that a peak RSS belongs to one reader. `--quick` repeats less.
 */
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { runJsonProcess, scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, median } from "../lib/stats.js";
import { LINE_BYTES } from "./lineBytes.js";

const SIDE_BY_SIDE_LINES = 100_000;
const BIG_LINES = 1_000_000;
const RSS_BUDGET_MB = 150;

/** What one reader process measured. */
interface Measure {
  seconds: number;
  bytes: number;
  count: number;
  peakRssMb: number;
}

const consume = (mode: "results" | "baseline", url: string, lines: number) =>
  runJsonProcess<Measure>(scriptPath(import.meta.url, "./consumeResults.js"), [mode, url, String(lines)]);
const mbPerSecond = (m: Measure) => m.bytes / 1e6 / m.seconds;

const bench: Bench = async ({ quick }) => {
  const repetitions = quick ? 2 : 5;
  const server = await startServerProcess(scriptPath(import.meta.url, "./outputServer.js"));
  try {
    const runs = { baseline: [] as Measure[], results: [] as Measure[] };
    for (let i = 0; i < repetitions; i++) {
      // Alternate who goes first, so neither always runs on a warmer machine.
      const order = i % 2 === 0 ? (["baseline", "results"] as const) : (["results", "baseline"] as const);
      for (const mode of order) runs[mode].push(await consume(mode, server.url, SIDE_BY_SIDE_LINES));
    }
    const big = await consume("results", server.url, BIG_LINES);

    const baselineMbps = median(runs.baseline.map(mbPerSecond));
    const baselineRss = median(runs.baseline.map((m) => m.peakRssMb));
    const side = `${(SIDE_BY_SIDE_LINES * LINE_BYTES) / 1e6}mb`;
    const bigSize = `${(BIG_LINES * LINE_BYTES) / 1e9}gb`;
    const entries: BenchEntry[] = [
      { name: `results.${side}.baseline.throughput`, value: Math.round(baselineMbps), unit: "MB/s" },
      compared(`results.${side}.results.throughput`, median(runs.results.map(mbPerSecond)), "MB/s", baselineMbps),
      { name: `results.${side}.baseline.peakRss`, value: Math.round(baselineRss), unit: "MB" },
      compared(`results.${side}.results.peakRss`, median(runs.results.map((m) => m.peakRssMb)), "MB", baselineRss),
      { name: `results.${bigSize}.results.throughput`, value: Math.round(mbPerSecond(big)), unit: "MB/s" },
      compared(`results.${bigSize}.results.peakRss`, big.peakRssMb, "MB", RSS_BUDGET_MB),
    ];
    return entries;
  } finally {
    await server.close();
  }
};
export default bench;
