const TONES: Record<string, "neutral" | "active" | "good" | "bad" | "warn"> = {
  QUEUED: "neutral",
  RUNNING: "active",
  SUCCESS: "good",
  FAILED: "bad",
  TIMEOUT_EXCEEDED: "bad",
  CANCELLATION_REQUESTED: "warn",
  CANCELLED: "warn",
};

/** The colour family of a status (badges and the status mix share it); a status the API adds later is neutral. */
export function statusTone(status: string): "neutral" | "active" | "good" | "bad" | "warn" {
  return TONES[status] ?? "neutral";
}
