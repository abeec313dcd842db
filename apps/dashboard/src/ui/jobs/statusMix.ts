import type { BatchJob, BatchJobStatus } from "@mistral-batch/client";
import { STATUSES } from "../common/constants.js";

/** How many jobs have each status, in the order a job goes through them; statuses with no job left out. */
export function statusMix(jobs: readonly Pick<BatchJob, "status">[]): Array<{ status: BatchJobStatus; count: number }> {
  const counts = new Map<string, number>();
  for (const job of jobs) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
  const known: string[] = [...STATUSES];
  const order = [...known, ...[...counts.keys()].filter((status) => !known.includes(status)).sort()];
  return order.filter((status) => counts.has(status)).map((status) => ({ status, count: counts.get(status)! }));
}
