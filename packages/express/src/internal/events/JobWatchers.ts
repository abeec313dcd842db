import { isTerminalStatus, pollDelay } from "@mistral-batch/client";
import type { EventStreamOptions } from "../../types.js";
import { jobNotFound, ProxyError, tooManyStreams } from "../core/errors.js";
import { jsonAnswer } from "../core/ProxyAnswer.js";
import type { OnCallerGone, UpstreamConfig } from "../upstream/transport.js";
import { upstreamJson } from "../upstream/upstream.js";
import { sseComment, sseEvent } from "./sse.js";

/** A job as the watcher last read it. */
export interface JobSnapshot {
  /** The job as the upstream answered it, for the ownership check. */
  job: unknown;
  /** The job's JSON exactly as the proxy's `get` answers it (the key redacted): the event's data. */
  json: string;
  /** The event id: 128 bits of SHA-256 of `json`, so any instance gives one state the same id. */
  id: string;
  /** True once the job's status is final: nothing is polled after it. */
  terminal: boolean;
}

/** A subscriber whose client reads slower than this many bytes are queued for it is dropped. */
const MAX_QUEUED_BYTES = 1024 * 1024;

/** One open event stream. */
interface Subscriber {
  send(bytes: Uint8Array): void;
  close(): void;
}

/** A caller on their way to a stream: the snapshot to check ownership against, then the stream or nothing. */
export interface JobWatch {
  /** The latest snapshot: the first poll's for a new watcher. Rejects with the 404 of `get`, or the upstream's error. */
  snapshot: Promise<JobSnapshot>;
  /** Opens the caller's stream; `lastEventId` skips the current state when the caller already has it. */
  open(lastEventId: string | null, onGone: OnCallerGone | undefined): ReadableStream<Uint8Array>;
  /** Gives up the watch without a stream (another user's job, say). */
  leave(): void;
}

/**
 * The watchers of the jobs that event streams follow, one per job id for the proxy (and so for its key), however
 * many streams follow the job; and the caps on streams, per user and in all.
 */
export class JobWatchers {
  private readonly watchers = new Map<string, JobWatcher>();
  private readonly perUser = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly upstream: UpstreamConfig,
    private readonly options: Record<keyof EventStreamOptions, number>,
  ) {}

  /**
   * Takes a stream slot for `userId` (429 past a cap) and a watch of the job, made on first use. `release` gives
   * the slot back, once, whether or not a stream was opened.
   */
  watch(userId: string, jobId: string): JobWatch {
    const release = this.reserve(userId);
    let watcher = this.watchers.get(jobId);
    if (!watcher) {
      watcher = new JobWatcher(jobId, this.upstream, this.options, () => {
        if (this.watchers.get(jobId) === watcher) this.watchers.delete(jobId);
      });
      this.watchers.set(jobId, watcher);
    }
    return watcher.join(release);
  }

  private reserve(userId: string): () => void {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.options.maxStreamsPerUser) throw tooManyStreams("user", this.options.maxStreamsPerUser);
    if (this.total >= this.options.maxStreams) throw tooManyStreams("total", this.options.maxStreams);
    this.perUser.set(userId, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left === 0) this.perUser.delete(userId);
      else this.perUser.set(userId, left);
    };
  }
}

/**
 * Polls one job for all its subscribers: at `pollIntervalMs` after a change, backing off on the kit's poll
 * schedule (`pollDelay`: each wait 1.5 times the last, up to `maxPollIntervalMs`) while nothing changes; sends
 * each change to every subscriber; stops when the last one leaves, when the job ends (after sending its final
 * state) or when it is deleted (closing the streams).
 */
class JobWatcher {
  private readonly subscribers = new Set<Subscriber>();
  private joining = 0;
  private latest: Promise<JobSnapshot>;
  private current: JobSnapshot | undefined;
  /** Reads in a row that found nothing new (or failed), for the poll schedule's backoff. */
  private quietPolls = 0;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private abortPoll: (() => void) | undefined;

  constructor(
    private readonly jobId: string,
    private readonly upstream: UpstreamConfig,
    private readonly options: Record<keyof EventStreamOptions, number>,
    private readonly retire: () => void,
  ) {
    this.latest = this.read().then((snapshot) => {
      this.current = snapshot;
      if (snapshot.terminal) this.stop();
      else this.schedule();
      return snapshot;
    });
    // A failed first read leaves nothing to watch: the next caller reads again.
    this.latest.catch(() => this.stop());
  }

  join(release: () => void): JobWatch {
    this.joining++;
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      this.joining--;
      return true;
    };
    return {
      snapshot: this.current ? Promise.resolve(this.current) : this.latest,
      open: (lastEventId, onGone) => {
        settle();
        return this.subscribe(lastEventId, onGone, release);
      },
      leave: () => {
        if (settle()) {
          release();
          this.stopIfIdle();
        }
      },
    };
  }

  private subscribe(
    lastEventId: string | null,
    onGone: OnCallerGone | undefined,
    release: () => void,
  ): ReadableStream<Uint8Array> {
    const snapshot = this.current as JobSnapshot;
    let unsubscribeGone: (() => void) | undefined;
    let subscriber!: Subscriber;
    const leave = () => {
      if (!this.subscribers.delete(subscriber)) return;
      unsubscribeGone?.();
      release();
      this.stopIfIdle();
    };
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          let open = true;
          subscriber = {
            send: (bytes) => {
              if (!open) return;
              controller.enqueue(bytes);
              // A client that stopped reading would make the queue grow without end.
              if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) subscriber.close();
            },
            close: () => {
              if (!open) return;
              open = false;
              controller.close();
              leave();
            },
          };
          this.subscribers.add(subscriber);
          subscriber.send(sseComment("watching"));
          if (snapshot.id !== lastEventId) subscriber.send(sseEvent(snapshot.id, "job", snapshot.json));
          if (snapshot.terminal || this.stopped) subscriber.close();
        },
        cancel: () => leave(),
      },
      { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
    );
    unsubscribeGone = onGone?.(() => subscriber.close());
    if (this.subscribers.size > 0 && this.heartbeat === undefined && !this.stopped) {
      this.heartbeat = setInterval(() => this.broadcast(sseComment("heartbeat")), this.options.heartbeatMs);
      unref(this.heartbeat);
    }
    return stream;
  }

  private broadcast(bytes: Uint8Array): void {
    for (const subscriber of [...this.subscribers]) subscriber.send(bytes);
  }

  private closeAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    const schedule = { intervalMs: this.options.pollIntervalMs, maxIntervalMs: this.options.maxPollIntervalMs };
    this.pollTimer = setTimeout(() => void this.poll(), pollDelay(this.quietPolls + 1, schedule));
    unref(this.pollTimer);
  }

  private async poll(): Promise<void> {
    let next: JobSnapshot;
    try {
      next = await this.read();
    } catch (error) {
      if (this.stopped) return;
      // Deleted: nothing more will come. Other failures (the upstream down, a timeout) are waited out.
      if (error instanceof ProxyError && error.status === 404) {
        this.stop();
        this.closeAll();
        return;
      }
      this.quietPolls++;
      this.schedule();
      return;
    }
    if (this.stopped) return;
    const changed = next.id !== this.current?.id;
    this.quietPolls = changed ? 0 : this.quietPolls + 1;
    if (changed) {
      this.current = next;
      this.latest = Promise.resolve(next);
      this.broadcast(sseEvent(next.id, "job", next.json));
    }
    if (next.terminal) {
      this.stop();
      this.closeAll();
      return;
    }
    this.schedule();
  }

  private async read(): Promise<JobSnapshot> {
    const job = await upstreamJson(this.upstream, {
      method: "GET",
      path: `/v1/batch/jobs/${this.jobId}`,
      onGone: (listener) => {
        this.abortPoll = listener;
        return () => {
          this.abortPoll = undefined;
        };
      },
      notFound: () => jobNotFound(this.jobId),
    });
    const json = jsonAnswer(200, job, this.upstream.apiKey).body as string;
    const status = (job as { status?: unknown } | null)?.status;
    return { job, json, id: await eventId(json), terminal: typeof status === "string" && isTerminalStatus(status) };
  }

  private stopIfIdle(): void {
    if (this.subscribers.size === 0 && this.joining === 0) this.stop();
  }

  /** Stops polling and heartbeats and leaves the registry; open streams are closed by the caller when due. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.pollTimer);
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.abortPoll?.();
    this.retire();
  }
}

async function eventId(json: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(json)));
  let binary = "";
  for (const byte of digest.subarray(0, 16)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Lets Node exit with a watcher's timer pending; other runtimes have no such notion. */
function unref(timer: unknown): void {
  (timer as { unref?: () => void }).unref?.();
}
