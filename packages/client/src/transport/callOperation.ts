import {
  ConnectionError,
  MistralBatchError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
} from "../errors.js";
import type { Client } from "../generated/client/index.js";
import type { SdkResult } from "./createFetchClient.js";
import { errorFromResponse } from "./errorFromResponse.js";
import { fetchWithRetry, type RetryPolicy } from "./fetchWithRetry.js";
import type { RetryConfig } from "./retry.js";

/** Options every operation takes as its last argument. */
export interface RequestOptions {
  /** Overrides the client's retry config for this call. */
  retries?: RetryConfig | undefined;
  /** The whole call, retries included, must finish within this many milliseconds. */
  timeoutMs?: number | undefined;
  /** Stops the call, and any retry, when it aborts. */
  signal?: AbortSignal | undefined;
  /** Extra request headers for this call. */
  headers?: Record<string, string> | undefined;
}

/** What an operation needs of the client: see `createMistralBatchCore`. */
export interface CallContext {
  client: Client;
  fetch: typeof globalThis.fetch;
  retries: RetryConfig;
  timeoutMs: number;
}

/** The options a generated SDK function accepts, as far as we use them. */
export interface GeneratedCallOptions {
  client: Client;
  fetch: typeof globalThis.fetch;
  headers?: Record<string, string>;
  parseAs: "json" | "stream";
  throwOnError: false;
}

interface OperationSpec {
  /** Names the operation in error messages, e.g. `batch.jobs.list`. */
  name: string;
  /** False for create: see `RetryPolicy.idempotent`. */
  idempotent: boolean;
  parseAs?: "json" | "stream";
  /**
   * Fields a JSON result must have, with their `typeof` (or "array"): a cheap
   * check that catches empty or foreign bodies without validating whole payloads.
   */
  requiredFields?: Record<string, "string" | "number" | "boolean" | "array">;
  /** Calls one generated SDK function with the options it is given. */
  send: (options: GeneratedCallOptions) => Promise<unknown>;
}

/**
 * Runs one generated SDK call with our retries, deadline and abort signal, and
 * turns whatever it returns or throws into a result or one of our errors.
 */
export async function callOperation<T>(
  context: CallContext,
  spec: OperationSpec,
  options: RequestOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? context.timeoutMs;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  const parseAs = spec.parseAs ?? "json";
  const policy: RetryPolicy = {
    retries: options.retries ?? context.retries,
    idempotent: spec.idempotent,
    signal,
    fetch: context.fetch,
  };
  try {
    const result = (await spec.send({
      client: context.client,
      fetch: (input, init) => fetchWithRetry(String(input), init ?? {}, policy),
      headers: options.headers,
      parseAs,
      throwOnError: false,
    })) as SdkResult;
    if (!result.response.ok) throw errorFromResponse(spec.name, result.response, result.error);
    if (parseAs === "json") checkShape(spec, result.data);
    return result.data as T;
  } catch (error) {
    // A call that times out while it waits to retry says why it was waiting: the failure it was retrying.
    throw toMistralBatchError(
      spec.name,
      error,
      options.signal,
      deadline.signal.aborted ? timeoutMs : undefined,
      policy.retrying,
    );
  } finally {
    clearTimeout(timer);
  }
}

function checkShape(spec: OperationSpec, data: unknown): void {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ResponseValidationError(`${spec.name}: the response body is not a JSON object`);
  }
  for (const [field, type] of Object.entries(spec.requiredFields ?? {})) {
    const value = (data as Record<string, unknown>)[field];
    if (type === "array" ? !Array.isArray(value) : typeof value !== type) {
      throw new ResponseValidationError(`${spec.name}: the response body has no ${type} \`${field}\``);
    }
  }
}

/**
 * The one place where whatever a call throws, or a body's stream fails with,
 * becomes one of our errors; the original stays as `cause`. Once
 * `callerSignal` has aborted the call was aborted; with `timedOutAfter` (its
 * `timeoutMs`) it timed out, and `retrying` is the failure it was about to retry.
 */
export function toMistralBatchError(
  operation: string,
  error: unknown,
  callerSignal?: AbortSignal,
  timedOutAfter?: number,
  retrying?: unknown,
): MistralBatchError {
  if (error instanceof MistralBatchError) return error;
  if (callerSignal?.aborted) return new RequestAbortedError(`${operation} was aborted`, { cause: callerSignal.reason });
  if (timedOutAfter !== undefined) {
    // `retrying` is a failure or nothing.
    const cause = (retrying &&
      (retrying instanceof Response
        ? errorFromResponse(operation, retrying, null)
        : toMistralBatchError(operation, retrying))) as MistralBatchError | undefined;
    const why = cause ? `; last failure: ${cause.message}` : "";
    return new RequestTimeoutError(`${operation} timed out after ${timedOutAfter} ms${why}`, { cause });
  }
  if (error instanceof SyntaxError) {
    return new ResponseValidationError(`${operation}: the response body is not valid JSON (${error.message})`, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ConnectionError(`${operation}: the connection failed (${reason})`, { cause: error });
}
