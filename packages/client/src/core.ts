import type { CallContext } from "./transport/callOperation.js";
import { createFetchClient } from "./transport/createFetchClient.js";
import { DEFAULT_RETRY_CONFIG, type RetryConfig } from "./transport/retry.js";

/** Options of `new MistralBatch(...)` and `createMistralBatchCore(...)`. */
export interface MistralBatchOptions {
  /**
   * The API key, sent as a Bearer token, or a function returning it. Leave it
   * out when a proxy (such as `@mistral-batch/express`) adds the key. A key
   * HTTP cannot carry (CR, LF, NUL) is refused with an `InvalidRequestError` on
   * `apiKey` that does not repeat it: by the constructor, or per call when a
   * function returns it.
   */
  apiKey?: string | (() => string | Promise<string>) | undefined;
  /** Defaults to `https://api.mistral.ai`; may carry a path prefix such as `http://localhost:3000/api/mistral`. */
  serverURL?: string | undefined;
  /** Retries for every call unless a call says otherwise. Defaults to `DEFAULT_RETRY_CONFIG`. */
  retryConfig?: RetryConfig | undefined;
  /** Deadline of each call, retries included. Defaults to `DEFAULT_TIMEOUT_MS`. */
  timeoutMs?: number | undefined;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Headers sent with every request; one HTTP cannot carry makes the constructor throw, naming it but not its value. */
  headers?: Record<string, string> | undefined;
}

/** The API's own address. */
export const DEFAULT_SERVER_URL = "https://api.mistral.ai";

/** One minute: ample for any single batch call, short enough to notice a hung connection. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** What every operation function needs: build it once and share it. */
export type MistralBatchCore = CallContext;

/**
 * Builds the shared state of the operations. Use it with the standalone
 * functions (`listBatchJobs(core, ...)`) when bundle size matters; otherwise use
 * `new MistralBatch(...)`.
 */
export function createMistralBatchCore(options: MistralBatchOptions = {}): MistralBatchCore {
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    client: createFetchClient({
      baseUrl: options.serverURL ?? DEFAULT_SERVER_URL,
      auth: options.apiKey,
      headers: { "User-Agent": "mistral-batch-kit", ...options.headers },
    }),
    fetch,
    retries: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}
