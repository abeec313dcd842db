import type { BatchResult } from "../batchResults.js";

/** The final outcome of one request of a run: its last attempt's answer, and how many attempts it took. */
export interface RunResult<TBody = unknown> {
  custom_id: string;
  response: { status_code: number; body: TBody } | null;
  error: unknown;
  attempts: number;
}

/** Statuses of a line worth sending again: a timeout, too many requests, a server error. */
export function isRetryableResult(result: BatchResult): boolean {
  const status = result.response?.status_code;
  if (status === undefined) return result.error != null; // no answer at all: a timeout or a lost request
  return status === 408 || status === 429 || status >= 500;
}

/** A line that got an answer without an error. */
export function isSuccessfulResult(result: Pick<BatchResult, "response" | "error">): boolean {
  const status = result.response?.status_code;
  return status !== undefined && status < 400 && result.error == null;
}

/** The outcome of a line its job never ran: it stopped first (cancelled, timed out, failed). */
export function unprocessedResult(
  custom_id: string,
  jobId: string,
  status: string,
  attempts: number,
): RunResult<never> {
  const error = { code: "not_processed", message: `Job ${jobId} ended ${status} before running this request.` };
  return { custom_id, response: null, error, attempts };
}

/** Token counts, summed over results whose body carries `usage` (chat, FIM, embeddings...). */
export interface RunUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What a run did, once every result is in. */
export interface RunSummary {
  total: number;
  succeeded: number;
  failed: number;
  /** Requests sent more than once. */
  retried: number;
  usage: RunUsage;
  /** With `prices`: what the usage costs, in the prices' currency. */
  cost?: number;
}

/** Prices per million tokens, as the caller's price list says (none is built in: prices change). */
export interface RunPrices {
  promptPerMillion: number;
  completionPerMillion: number;
}

/** Adds up results into a summary, one at a time. */
export function createRunSummary(prices?: RunPrices): { add(result: RunResult): void; read(): RunSummary } {
  const summary: RunSummary = {
    total: 0,
    succeeded: 0,
    failed: 0,
    retried: 0,
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
  return {
    add(result) {
      summary.total++;
      if (isSuccessfulResult(result)) summary.succeeded++;
      else summary.failed++;
      if (result.attempts > 1) summary.retried++;
      const usage = (result.response?.body as { usage?: Partial<RunUsage> } | null | undefined)?.usage;
      for (const key of ["prompt_tokens", "completion_tokens", "total_tokens"] as const) {
        const count = usage?.[key];
        if (typeof count === "number" && Number.isFinite(count)) summary.usage[key] += count;
      }
    },
    read() {
      const { usage } = summary;
      const cost = prices
        ? (usage.prompt_tokens * prices.promptPerMillion + usage.completion_tokens * prices.completionPerMillion) / 1e6
        : undefined;
      return cost === undefined ? { ...summary, usage: { ...usage } } : { ...summary, usage: { ...usage }, cost };
    },
  };
}
