import type { BatchJobStatus } from "@mistral-batch/client";

const TONES: Record<string, string> = {
  QUEUED: "neutral",
  RUNNING: "active",
  SUCCESS: "good",
  FAILED: "bad",
  TIMEOUT_EXCEEDED: "bad",
  CANCELLATION_REQUESTED: "warn",
  CANCELLED: "warn",
};

/** A job's status as a coloured badge; the text itself carries the meaning. */
export function StatusBadge({ status }: { status: BatchJobStatus }) {
  return <span className={`badge badge-${TONES[status] ?? "neutral"}`}>{status}</span>;
}
