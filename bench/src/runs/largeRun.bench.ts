/**
 * A large durable run (issue 15): `mistral.batch.run()` over 100,000 and 1,000,000 requests (100,000 and 250,000
 * with `--quick`, as the names say) made lazily by an async generator, against `mistral-batch-mock` whose jobs take
 * JOB_MS whatever their size. The runner is a process of its own (`driveLargeRun.ts`) and so is the mock
 * (`runMock.ts`, a fresh one per run, so that no run pays for the files an earlier one left), so that a peak RSS and
 * a CPU time belong to the runner alone. Figures: the runner's peak RSS (budget 200 MB) and how it grows from the
 * small run to the large one, its CPU per request, and its wall-clock time over the time the mock's jobs took (the
 * union of the intervals in which at least one job of the run was queued or running), with the mock's own CPU.
 *
 * Two contenders in interleaved rounds: `runner` (plain `node`) and `young16` (`--max-semi-space-size=16`). V8 sizes
 * its young generation from the machine's memory (up to 2 x 64 MB of semi-spaces on a 24 GB machine) and grows it
 * with the bytes that survive its scavenges, so any long allocating process ends with it at its largest; young16
 * shows how much of the runner's RSS is that, not the run. Last, one run with --expose-gc reads the heap right after
 * a full collection at each tenth of the results: what the run really holds.
 */
import type { Bench, BenchEntry } from "../lib/BenchEntry.js";
import { runJsonProcess, scriptPath, startServerProcess } from "../lib/nodeProcess.js";
import { compared, figure, median, paired, round } from "../lib/stats.js";
import type { RunMeasure } from "./driveLargeRun.js";
import type { MockJobs } from "./runMock.js";

const JOB_MS = 500;
const RSS_BUDGET_MB = 200;
const CONTENDERS = {
  runner: [] as string[],
  young16: ["--max-semi-space-size=16"],
};
type Contender = keyof typeof CONTENDERS;

/** One run, the runner's figures and the mock's. */
interface Measured {
  run: RunMeasure;
  /** Milliseconds in which at least one job of the run was on the mock, queued or running. */
  jobsMs: number;
  mockCpuMs: number;
}

/** The length of the union of `intervals`, each clipped to `[from, to]`. */
function unionLength(intervals: readonly [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([start, end]) => [Math.max(start, from), Math.min(end, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = from;
  for (const [start, end] of clipped) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/** Runs `requests` through a runner process with Node `flags` against a mock process of its own. */
async function measure(requests: number, flags: readonly string[]): Promise<Measured> {
  const mock = await startServerProcess(scriptPath(import.meta.url, "./runMock.js"), [String(JOB_MS)]);
  try {
    const run = await runJsonProcess<RunMeasure>(
      scriptPath(import.meta.url, "./driveLargeRun.js"),
      [mock.url, String(requests)],
      flags,
    );
    const { jobs, cpuMs } = await mock.ask<MockJobs>("jobs");
    return { run, jobsMs: unionLength(jobs, run.startedAt, run.endedAt), mockCpuMs: cpuMs };
  } finally {
    await mock.close();
  }
}

const sizeName = (requests: number) => (requests >= 1_000_000 ? `${requests / 1_000_000}m` : `${requests / 1_000}k`);
const wallMs = (m: Measured) => m.run.endedAt - m.run.startedAt;

const bench: Bench = async ({ quick }) => {
  const sizes = quick ? [100_000, 250_000] : [100_000, 1_000_000];
  const rounds = quick ? 1 : 3;
  const contenders = Object.keys(CONTENDERS) as Contender[];
  const runs = new Map<string, Measured[]>();
  const key = (contender: Contender, requests: number) => `${contender}/${requests}`;
  for (let i = 0; i < rounds; i++) {
    // Rotate who goes first, so neither contender always runs on the warmer (or busier) machine.
    const order = contenders.map((_, j) => contenders[(i + j) % contenders.length] as Contender);
    for (const requests of sizes) {
      for (const contender of order) {
        const measured = await measure(requests, CONTENDERS[contender]);
        const list = runs.get(key(contender, requests)) ?? [];
        list.push(measured);
        runs.set(key(contender, requests), list);
        const rss = measured.run.rssByTenth.map(Math.round).join(" ");
        console.log(`round ${i + 1} ${contender} ${requests}: ${wallMs(measured)} ms, RSS by tenth ${rss} MB`);
      }
    }
  }
  const large = sizes[sizes.length - 1] as number;
  const small = sizes[0] as number;
  const live = await measure(large, ["--expose-gc"]);

  const entries: BenchEntry[] = [];
  for (const requests of sizes) {
    const size = sizeName(requests);
    for (const contender of contenders) {
      const list = runs.get(key(contender, requests)) as Measured[];
      const prefix = `runs.${size}.${contender}`;
      entries.push(
        compared(`${prefix}.peakRss`, median(list.map((m) => m.run.peakRssMb)), "MB", RSS_BUDGET_MB),
        figure(`${prefix}.cpuPerRequest`, median(list.map((m) => (m.run.cpuMs * 1000) / requests)), "µs"),
        // value: the run's wall-clock time; baseline: the time the mock's jobs took in it.
        paired(
          `${prefix}.wallVsJobs`,
          list.map((m) => wallMs(m) / 1000),
          list.map((m) => m.jobsMs / 1000),
          "s",
        ),
        figure(
          `${prefix}.overheadPerRequest`,
          median(list.map((m) => ((wallMs(m) - m.jobsMs) * 1000) / requests)),
          "µs",
        ),
        figure(`${prefix}.mockCpuPerRequest`, median(list.map((m) => (m.mockCpuMs * 1000) / requests)), "µs"),
      );
    }
  }
  for (const contender of contenders) {
    // Flat as the run grows: the large run's peak RSS over the small one's, per round.
    const peaks = (requests: number) => (runs.get(key(contender, requests)) as Measured[]).map((m) => m.run.peakRssMb);
    entries.push(
      paired(`runs.${sizeName(large)}Vs${sizeName(small)}.${contender}.peakRss`, peaks(large), peaks(small), "MB"),
    );
  }
  const heaps = live.run.liveHeapByTenth;
  entries.push(
    figure(`runs.${sizeName(large)}.runner.liveHeapMax`, Math.max(...heaps), "MB"),
    figure(
      `runs.${sizeName(large)}.runner.liveHeapGrowth`,
      round((heaps.at(-1) as number) - (heaps[0] as number)),
      "MB",
    ),
  );
  console.log(`live heap by tenth (--expose-gc, ${large}): ${heaps.map((h) => h.toFixed(1)).join(" ")} MB`);
  return entries;
};
export default bench;
