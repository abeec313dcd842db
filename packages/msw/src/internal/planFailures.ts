import type { JobRecord } from "./jobProgress.js";
import { requestFails } from "./jobProgress.js";
import { jsonlLines } from "./jsonl.js";
import { FailureKind, type FailurePlan, type FailureSettings, failureClass, failureKind } from "./lineFailures.js";

/** The custom_id of each of a job's requests, in order (the index when it has none), without keeping the bodies. */
function* customIds(job: JobRecord): Generator<string> {
  if (job.requests) {
    for (const [index, request] of job.requests.entries()) yield request.custom_id ?? String(index);
    return;
  }
  let index = 0;
  for (const bytes of job.inputs) {
    for (const line of jsonlLines(bytes)) {
      // Validated when the job was created: every line is an object.
      const { custom_id } = JSON.parse(line) as { custom_id?: string | number | null };
      yield custom_id == null ? String(index) : String(custom_id);
      index++;
    }
  }
}

/**
 * Decides, once, when the job is created, which of its lines fail and how: `failureRate`'s evenly spread lines
 * first, then each custom_id's class. A retryable custom_id counts one attempt in `attempts` per occurrence and
 * fails while its count is at most `retryableAttempts`; only retryable custom_ids are counted, so the map stays
 * as small as the share of them.
 */
function planFailures(job: JobRecord, settings: FailureSettings, attempts: Map<string, number>): FailurePlan {
  const indices: number[] = [];
  const kinds: number[] = [];
  let index = 0;
  for (const customId of customIds(job)) {
    const klass = failureClass(customId, settings);
    let fails = false;
    if (klass === "permanent") fails = true;
    else if (klass === "retryable") {
      const attempt = (attempts.get(customId) ?? 0) + 1;
      attempts.set(customId, attempt);
      fails = attempt <= settings.retryableAttempts;
    }
    if (requestFails(index, job.failureRate)) {
      indices.push(index);
      kinds.push(FailureKind.Simulated);
    } else if (fails && klass) {
      indices.push(index);
      kinds.push(failureKind(customId, klass, settings.seed));
    }
    index++;
  }
  return { indices: Int32Array.from(indices), kinds: Uint8Array.from(kinds) };
}

/** Plans the failures of each new job, counting the attempts of every retryable custom_id across jobs. */
export interface FailurePlanner {
  /** The job's plan; null when the `failures` option is off and `failureRate` alone decides. */
  plan(job: JobRecord): FailurePlan | null;
  /** Forgets the attempts counted so far. */
  clear(): void;
}

export function createFailurePlanner(settings: FailureSettings | null): FailurePlanner {
  /** How many times each retryable custom_id has been in a job so far: its next attempt's number, minus one. */
  const attempts = new Map<string, number>();
  return {
    plan: (job) => (settings ? planFailures(job, settings, attempts) : null),
    clear: () => attempts.clear(),
  };
}
