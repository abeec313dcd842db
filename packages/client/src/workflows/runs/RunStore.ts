/**
 * One job of a run, as its manifest records it. A part either carries a slice
 * of the input (`attempt` 1, lines `firstLine` to `firstLine + lines`) or the
 * retryable failures of an earlier part (`retryOf`, `attempt` 2 and up).
 */
export interface RunPart {
  /** Its place in `parts`, and in the idempotency key of its job. */
  index: number;
  attempt: number;
  /** The part whose failed lines this one resubmits. */
  retryOf?: number;
  /** The input lines it holds (attempt 1): the first one's index and how many, once known. */
  firstLine?: number;
  lines?: number;
  /** Sent inline on the create call instead of in a file. */
  inline?: boolean;
  fileId?: string;
  jobId?: string;
  /** The job's last known status and request count. */
  status?: string;
  requests?: number;
  /** Its results were read and its retry, if any, planned. */
  settled?: boolean;
  /** A retry part is not submitted before this instant (epoch ms): the backoff between rounds. */
  notBefore?: number;
}

/** A run's manifest: what it is and what it has done so far, written before and after every step. */
export interface RunManifest {
  version: 1;
  runId: string;
  endpoint: string;
  model: string | null;
  maxAttempts: number;
  state: "running" | "finished" | "cancelled";
  /** Every input line belongs to a part. */
  inputDone: boolean;
  parts: RunPart[];
}

/**
 * Where runs keep their manifests, and the lease that lets one process drive a
 * run at a time. Check an adapter of your own with `runStoreContract` from
 * `@mistral-batch/client/testing`.
 */
export interface RunStore {
  /** The manifest last saved for `runId`, or undefined. */
  load(runId: string): Promise<RunManifest | undefined>;
  /** Replaces the run's manifest, atomically: a crash leaves the old one or the new one. */
  save(manifest: RunManifest): Promise<void>;
  /**
   * Takes or renews the run's lease for `holder` until `ttlMs` from now. False
   * when another holder's lease has not expired.
   */
  acquireLease(runId: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `holder` still has it. */
  releaseLease(runId: string, holder: string): Promise<void>;
}

/**
 * A store in this process's memory: the default, which survives anything but
 * the process itself. Manifests are copied in and out, as a real store would.
 */
export function createMemoryRunStore(): RunStore {
  const manifests = new Map<string, string>();
  const leases = new Map<string, { holder: string; expiresAt: number }>();
  return {
    async load(runId) {
      const saved = manifests.get(runId);
      return saved === undefined ? undefined : (JSON.parse(saved) as RunManifest);
    },
    async save(manifest) {
      manifests.set(manifest.runId, JSON.stringify(manifest));
    },
    async acquireLease(runId, holder, ttlMs) {
      const lease = leases.get(runId);
      const now = Date.now();
      if (lease && lease.holder !== holder && lease.expiresAt > now) return false;
      leases.set(runId, { holder, expiresAt: now + ttlMs });
      return true;
    },
    async releaseLease(runId, holder) {
      if (leases.get(runId)?.holder === holder) leases.delete(runId);
    },
  };
}
