import type { BenchEntry } from "./BenchEntry.js";

/** A goal of issue 8 on one entry's ratio (to its baseline or budget) or value. */
interface Target {
  name: string;
  on: "ratio" | "value";
  atMost?: number;
  atLeast?: number;
}

const TARGETS: readonly Target[] = [
  { name: "client.list1000.ours.cpu", on: "ratio", atMost: 1.1 },
  { name: "client.import.ours.added", on: "value", atMost: 25 },
  { name: "results.100mb.results.throughput", on: "ratio", atLeast: 0.8 },
  { name: "results.1gb.results.peakRss", on: "value", atMost: 150 },
  { name: "express.getJob.proxy.throughput", on: "ratio", atLeast: 0.85 },
  // Issue 17 re-set the proxy's targets against the bare forwarder measured in the same rounds.
  { name: "express.getJob.proxy.cpuVsForwarder", on: "ratio", atMost: 1.1 },
  { name: "express.getJob.proxy.throughputVsForwarder", on: "ratio", atLeast: 0.95 },
  { name: "express.proxy.uploadDownload512mib.peakRss", on: "value", atMost: 150 },
  // Issue 15: a 1,000,000-request run's runner under 200 MB, and flat from 100,000 to 1,000,000 requests.
  { name: "runs.1m.runner.peakRss", on: "value", atMost: 200 },
  { name: "runs.1mVs100k.runner.peakRss", on: "ratio", atMost: 1.1 },
];

/** One line per target whose entry was measured: the figure, the goal, and whether it is met. */
export function checkTargets(entries: readonly BenchEntry[]): string[] {
  const lines: string[] = [];
  for (const target of TARGETS) {
    const entry = entries.find((e) => e.name === target.name);
    const figure = entry?.[target.on];
    if (figure === undefined) continue;
    const met =
      (target.atMost === undefined || figure <= target.atMost) &&
      (target.atLeast === undefined || figure >= target.atLeast);
    const goal = target.atMost === undefined ? `>= ${target.atLeast}` : `<= ${target.atMost}`;
    lines.push(`${met ? "met   " : "MISSED"} ${target.name} ${target.on} ${figure} (target ${goal})`);
  }
  return lines;
}
