import type { BenchEntry } from "./BenchEntry.js";

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds to three significant digits past the point where it matters for a table (at most 3 decimals). */
export function round(value: number): number {
  const decimals = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** An entry compared with a baseline figure: `ratio` is `value / baseline`. */
export function compared(name: string, value: number, unit: string, baseline: number): BenchEntry {
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline) };
}

/** An entry without a baseline. */
export function figure(name: string, value: number, unit: string): BenchEntry {
  return { name, value: round(value), unit };
}

/**
 * An entry measured in rounds side by side with its baseline: medians of both, and the median of the per-round
 * ratios (`values[i] / baselines[i]`), steadier than a ratio of medians when the machine's load changes.
 */
export function paired(
  name: string,
  values: readonly number[],
  baselines: readonly number[],
  unit: string,
): BenchEntry {
  const ratios = values.map((value, i) => value / (baselines[i] as number));
  return { name, value: round(median(values)), unit, baseline: round(median(baselines)), ratio: round(median(ratios)) };
}
