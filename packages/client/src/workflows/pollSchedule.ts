/**
 * How often a job is polled, everywhere in the kit (`batch.jobs.wait`, `batch.run`, the React hooks): a first
 * pause, each next one 1.5 times longer, up to a longest pause.
 */
export interface PollSchedule {
  /** The first pause, in ms. Default 1,000. */
  intervalMs?: number | undefined;
  /** The longest pause, in ms. Default 10,000: a job's end shows within 10 s, at 6 polls a minute per job. */
  maxIntervalMs?: number | undefined;
}

/** The defaults of `PollSchedule`. */
export const DEFAULT_POLL_SCHEDULE = { intervalMs: 1_000, maxIntervalMs: 10_000 } as const;

const GROWTH = 1.5;

/** The pause after the `polls`-th poll (from 1) of a schedule. */
export function pollDelay(polls: number, schedule: PollSchedule = {}): number {
  const first = schedule.intervalMs ?? DEFAULT_POLL_SCHEDULE.intervalMs;
  const longest = schedule.maxIntervalMs ?? DEFAULT_POLL_SCHEDULE.maxIntervalMs;
  return Math.min(first * GROWTH ** Math.max(0, polls - 1), longest);
}
