/** How far a piece of work is: requests done of total, and how they ended. */
export interface ProgressSnapshot {
  done: number;
  total: number;
  succeeded: number;
  failed: number;
  /** Jobs running now, when more than one can be. */
  jobsInFlight?: number;
  /** A word for the state, such as the job's status. */
  status?: string;
}

/** Where progress goes: a terminal gets one redrawn line, anything else plain lines. */
export interface ProgressTarget {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options of `createProgressReporter`. */
export interface ProgressReporterOptions {
  /** The least time between two plain lines; a terminal line is redrawn at most every 100 ms. Default 5,000 ms. */
  plainIntervalMs?: number;
  now?: () => number;
}

/** Reports progress as it comes; `finish` writes the last state on its own line. */
export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  finish(): void;
}

const TERMINAL_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

/**
 * A progress display for a terminal (a bar redrawn in place, with throughput and ETA) or, on a pipe or a file,
 * plain lines without cursor codes at most every `plainIntervalMs`, so that logs stay readable.
 */
export function createProgressReporter(
  target: ProgressTarget,
  options: ProgressReporterOptions = {},
): ProgressReporter {
  const now = options.now ?? Date.now;
  const interval = target.isTTY ? TERMINAL_INTERVAL_MS : (options.plainIntervalMs ?? 5_000);
  const started = now();
  let last: ProgressSnapshot | undefined;
  let lastWritten = Number.NEGATIVE_INFINITY;
  let lastText = "";

  const write = (final: boolean) => {
    if (!last) return;
    const text = describe(last, now() - started, target.isTTY === true);
    if (target.isTTY) target.write(`\r${text.slice(0, (target.columns ?? 80) - 1)}\u001b[K${final ? "\n" : ""}`);
    else if (text !== lastText) target.write(`${text}\n`);
    lastText = text;
    lastWritten = now();
  };

  return {
    update(snapshot) {
      last = snapshot;
      if (now() - lastWritten >= interval) write(false);
    },
    finish() {
      write(true);
    },
  };
}

/** One line: `[#####.....] 1200/5000 24% · 1150 succeeded, 50 failed · 240/s · ETA 16s · 2 jobs`. */
export function describe(snapshot: ProgressSnapshot, elapsedMs: number, withBar: boolean): string {
  const { done, total, succeeded, failed } = snapshot;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const parts = [`${done}/${total} ${Math.floor(share * 100)}%`, `${succeeded} succeeded, ${failed} failed`];
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  if (perSecond > 0) {
    parts.push(`${formatRate(perSecond)}/s`);
    if (done < total) parts.push(`ETA ${formatDuration(((total - done) / perSecond) * 1000)}`);
  }
  const jobs = snapshot.jobsInFlight;
  if (jobs !== undefined) parts.push(`${jobs} job${jobs === 1 ? "" : "s"} in flight`);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = withBar ? `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ` : "";
  return `${snapshot.status ? `${snapshot.status} ` : ""}${bar}${parts.join(" · ")}`;
}

function formatRate(perSecond: number): string {
  return perSecond >= 100 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}

/** `45s`, `12m 05s`, `3h 20m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}
