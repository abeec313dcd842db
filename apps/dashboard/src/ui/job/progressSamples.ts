import type { BatchJob } from "@mistral-batch/client";

/** One reading of a job's progress: when (Unix seconds), and how many requests were done and had failed by then. */
export interface ProgressSample {
  t: number;
  completed: number;
  failed: number;
}

/** The most samples kept for one job: enough for a smooth line, bounded for a job followed for hours. */
export const MAX_SAMPLES = 240;

/**
 * The samples with the job as it is now added: a new sample when its counts changed, the last one moved forward
 * when they did not. Past `MAX_SAMPLES`, every other older sample is dropped, so the line keeps its shape.
 */
export function addSample(samples: readonly ProgressSample[], job: BatchJob, nowSeconds: number): ProgressSample[] {
  const sample = { t: nowSeconds, completed: job.completed_requests, failed: job.failed_requests };
  const last = samples.at(-1);
  if (last && last.completed === sample.completed && last.failed === sample.failed) return [...samples];
  const next = [...samples, sample];
  if (next.length <= MAX_SAMPLES) return next;
  return next.filter((_, index) => index % 2 === 1 || index >= next.length - MAX_SAMPLES / 2);
}

/**
 * The points to draw for a job: its start at 0, the samples seen while it ran, and its end (or now, while it runs)
 * with its counts as they are. A job opened after it ended is a straight line from start to end: the page saw
 * nothing in between. Empty before the job starts.
 */
export function chartSamples(samples: readonly ProgressSample[], job: BatchJob, nowSeconds: number): ProgressSample[] {
  if (job.started_at == null) return [];
  const start = job.started_at;
  const end = Math.max(start, job.completed_at ?? nowSeconds);
  const inside = samples
    .filter((sample) => sample.t > start && sample.t < end)
    .filter((sample) => sample.completed > 0 || sample.failed > 0);
  return [
    { t: start, completed: 0, failed: 0 },
    ...inside,
    { t: end, completed: job.completed_requests, failed: job.failed_requests },
  ];
}
