import type { BatchJob } from "@mistral-batch/client";

/** A Unix-seconds instant as a local date and time, or "—" when absent. */
export function formatTime(seconds: number | null | undefined): string {
  if (seconds == null) return "—";
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

/** A length of time in seconds, e.g. "42s", "3m 05s", "2h 07m". */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/** How long a job has run: from start to completion, or to `nowSeconds` while it runs; "—" before it starts. */
export function jobDuration(job: BatchJob, nowSeconds: number = Date.now() / 1000): string {
  if (job.started_at == null) return "—";
  return formatSeconds((job.completed_at ?? nowSeconds) - job.started_at);
}

/** The message to show for any error: the API's own message when it sent one. */
export function errorMessage(error: unknown): string {
  const body = (error as { body?: unknown } | null)?.body;
  const detail =
    body && typeof body === "object" && "message" in body && typeof body.message === "string" ? body.message : "";
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (detail) return typeof status === "number" ? `${detail} (HTTP ${status})` : detail;
  return error instanceof Error ? error.message : String(error);
}
