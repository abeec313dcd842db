import type { BenchEntry } from "./BenchEntry.js";

const COLUMNS = ["name", "value", "unit", "baseline", "ratio"] as const;

/** A plain-text table of entries, numbers right-aligned, one row per entry. */
export function formatTable(entries: readonly BenchEntry[]): string {
  const rows = entries.map((entry) =>
    COLUMNS.map((column) => (entry[column] === undefined ? "" : String(entry[column]))),
  );
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === 2 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join("  ")
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
