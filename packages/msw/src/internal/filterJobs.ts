import type { ListJobsQuery } from "../types.js";
import { type JobProgress, type JobRecord, jobProgress } from "./jobProgress.js";
import { parseDateTime } from "./parseDateTime.js";

/** A job that passed the filters, with its progress if a filter needed it. */
export interface Match {
  job: JobRecord;
  progress?: JobProgress;
}

function sameValue(actual: unknown, wanted: unknown): boolean {
  if (actual === wanted) return true;
  // The query string carries every value as text, and JSON-encoded metadata may carry numbers or booleans.
  if (typeof wanted !== "object" || wanted === null) return actual !== undefined && String(actual) === String(wanted);
  return JSON.stringify(actual) === JSON.stringify(wanted);
}

/** `record[key]` when `record` has it itself: a name every object inherits (`constructor`, `__proto__`) is no metadata. */
function ownValue(record: Record<string, unknown> | null | undefined, key: string): unknown {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The jobs matching every filter, in the requested order. `jobs` is in creation order. Progress is only computed
 * when filtering by status, so a listing costs one pass of cheap comparisons.
 */
export function filterJobs(
  jobs: Iterable<JobRecord>,
  query: ListJobsQuery,
  now: number,
  caller: string | undefined,
): Match[] {
  const statuses = query.status?.length ? new Set(query.status) : null;
  const after = query.created_after == null ? null : parseDateTime(query.created_after, "created_after");
  const metadata = query.metadata ? Object.entries(query.metadata) : [];
  const matches: Match[] = [];
  for (const job of jobs) {
    if (query.model != null && job.model !== query.model) continue;
    if (query.agent_id != null && job.agentId !== query.agent_id) continue;
    if (query.created_by_me && job.creator !== caller) continue;
    // Compared on created_at as the API shows it (whole seconds), so `created_after: job.created_at` includes the job.
    if (after !== null && Math.floor(job.createdAt / 1000) * 1000 < after) continue;
    if (metadata.length && !metadata.every(([key, value]) => sameValue(ownValue(job.metadata, key), value))) continue;
    if (statuses) {
      const progress = jobProgress(job, now);
      if (!statuses.has(progress.status)) continue;
      matches.push({ job, progress });
    } else matches.push({ job });
  }
  if (query.order_by !== "created") matches.reverse();
  return matches;
}
