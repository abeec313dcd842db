import type { EventStreamOptions, ProxyLimits } from "./types.js";

const MiB = 1024 * 1024;

/**
 * Default limits: 64 MiB of JSON holds 10,000 inline requests of about 6 KB each;
 * uploads get 512 MiB for the file plus 1 MiB for the multipart framing.
 */
export const DEFAULT_LIMITS: Readonly<ProxyLimits> = Object.freeze({ jsonBody: 64 * MiB, upload: 513 * MiB });

/** How long the upstream has to answer once a request is sent, by default. */
export const DEFAULT_PROXY_TIMEOUT_MS = 60_000;

/** The job metadata key that records the owner, by default. */
export const DEFAULT_OWNER_METADATA_KEY = "owner";

/**
 * Default caps and schedule of live job events. 32 streams per user: a dashboard's tabs following the jobs they
 * show. 10,000 streams in all: each costs the proxy a few kilobytes (a stream, its queue, a socket), and the
 * upstream nothing more once its job is watched, as every stream of a job shares one poller. Reads every 2 s after
 * a change, backing off to 30 s while nothing changes; a heartbeat every 15 s, under the 30 to 60 s after which
 * load balancers commonly close an idle connection.
 */
export const DEFAULT_EVENT_STREAM_OPTIONS: Readonly<Record<keyof EventStreamOptions, number>> = Object.freeze({
  maxStreamsPerUser: 32,
  maxStreams: 10_000,
  pollIntervalMs: 2_000,
  maxPollIntervalMs: 30_000,
  heartbeatMs: 15_000,
});

/** The page size of the proxy's own scans of the upstream (its ownership lookups): large, to need few calls. */
export const SCAN_PAGE_SIZE = 1000;
