import type { BatchJobStatus } from "@mistral-batch/client";
import { statusTone } from "./statusTone.js";

/** A job's status as a coloured badge; the text itself carries the meaning. */
export function StatusBadge({ status }: { status: BatchJobStatus }) {
  return <span className={`badge badge-${statusTone(status)}`}>{status}</span>;
}
