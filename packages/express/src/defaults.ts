import type { ProxyLimits } from "./types.js";

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

/** The page size of the proxy's own scans of the upstream (its ownership lookups): large, to need few calls. */
export const SCAN_PAGE_SIZE = 1000;
