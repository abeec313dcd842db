import { isTransientError } from "@mistral-batch/client";

/**
 * The hooks' calls are tried once by the client and retried by TanStack Query: a failure then shows at once (as the
 * query's `failureReason`, with `failureCount`) while it is retried, instead of after the client's whole retry
 * budget. Only transient failures are retried, three times; a 4XX is the query's error straight away.
 */
export const ONE_ATTEMPT = { retries: { strategy: "none" } } as const;

/** TanStack Query's `retry` for the hooks' queries. */
export const retryTransient = (failures: number, error: Error): boolean => failures < 3 && isTransientError(error);
