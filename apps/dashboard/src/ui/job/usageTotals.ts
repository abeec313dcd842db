import type { BatchResult, RunUsage } from "@mistral-batch/client";

/** Token totals of a job's results, with how many results carried a `usage` (embeddings and chat do, OCR not). */
export interface UsageTotals extends RunUsage {
  counted: number;
}

const KEYS = ["prompt_tokens", "completion_tokens", "total_tokens"] as const;

/** Sums the `usage` of every result body that has one, as a run's summary does. */
export function sumUsage(results: readonly BatchResult[]): UsageTotals {
  const totals: UsageTotals = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, counted: 0 };
  for (const result of results) {
    const usage = (result.response?.body as { usage?: Partial<RunUsage> } | null | undefined)?.usage;
    if (!usage || typeof usage !== "object") continue;
    totals.counted++;
    for (const key of KEYS) {
      const count = usage[key];
      if (typeof count === "number" && Number.isFinite(count)) totals[key] += count;
    }
  }
  return totals;
}
