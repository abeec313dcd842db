import { apiErrorBody } from "@mistral-batch/client/contract";
import type { LineFailureOptions } from "../types.js";
import { hashString } from "./hash.js";

/** The `failures` option, checked, with its defaults. */
export interface FailureSettings {
  retryable: number;
  permanent: number;
  retryableAttempts: number;
  seed: number;
}

/** Reads the `failures` option; null when it makes no line fail, so jobs keep the O(1) path of `failureRate`. */
export function failureSettings(options: LineFailureOptions | undefined): FailureSettings | null {
  const retryable = options?.retryable ?? 0;
  const permanent = options?.permanent ?? 0;
  const retryableAttempts = options?.retryableAttempts ?? 1;
  const seed = options?.seed ?? 0;
  for (const [name, rate] of [
    ["retryable", retryable],
    ["permanent", permanent],
  ] as const) {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`failures.${name} must be in [0, 1], got ${rate}`);
  }
  if (retryable + permanent > 1 + 1e-9) {
    throw new RangeError(`failures.retryable + failures.permanent must be at most 1, got ${retryable + permanent}`);
  }
  if (!(Number.isInteger(retryableAttempts) && retryableAttempts >= 0)) {
    throw new RangeError(`failures.retryableAttempts must be a whole number, got ${retryableAttempts}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`failures.seed must be an integer, got ${seed}`);
  if (retryable === 0 && permanent === 0) return null;
  return { retryable, permanent, retryableAttempts, seed };
}

/**
 * How a failed line fails, as stored in a job's failure plan: 0 is `failureRate`'s `simulated_failure`, the others
 * an HTTP status with its error body.
 */
export const FailureKind = {
  Simulated: 0,
  RateLimited: 1,
  InternalError: 2,
  Unavailable: 3,
  BadRequest: 4,
  Unprocessable: 5,
} as const;
export type FailureKind = (typeof FailureKind)[keyof typeof FailureKind];

/** A custom_id's class: where its hash falls, `[0, permanent)` permanent, then `[permanent, + retryable)` retryable. */
export function failureClass(customId: string, settings: FailureSettings): "permanent" | "retryable" | null {
  const share = mix(hashString(customId, hashString(`failures:${settings.seed}`))) / 4294967296;
  if (share < settings.permanent) return "permanent";
  if (share < settings.permanent + settings.retryable) return "retryable";
  return null;
}

/**
 * murmur3's finaliser: FNV-1a alone spreads ids that differ in their last digits ("r1", "r2"...) unevenly over the
 * high bits (145 of 1,000 ids under a 0.1 share), the bits a share compares.
 */
function mix(hash: number): number {
  let h = hash >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The status a failing custom_id gets: drawn from a second hash, so it is the same in every job. */
export function failureKind(customId: string, klass: "permanent" | "retryable", seed: number): FailureKind {
  const pick = mix(hashString(customId, hashString(`status:${seed}`))) % 4;
  if (klass === "permanent") return pick < 2 ? FailureKind.BadRequest : FailureKind.Unprocessable;
  return pick < 2 ? FailureKind.RateLimited : pick === 2 ? FailureKind.InternalError : FailureKind.Unavailable;
}

/**
 * The `response` and `error` of a failed result line. Lines with an HTTP status carry it in `response` with the
 * API's error body, and `error: null`, as an output line does (our guess: the error file's format is undocumented).
 */
export function failedLineParts(kind: FailureKind): { response: unknown; error: unknown } {
  switch (kind) {
    case FailureKind.Simulated:
      return { response: null, error: { message: "Simulated failure of this request.", code: "simulated_failure" } };
    case FailureKind.RateLimited:
      return status(429, apiErrorBody("Rate limit exceeded.", { type: "rate_limited", code: "rate_limited" }));
    case FailureKind.InternalError:
      return status(500, apiErrorBody("Internal server error.", { type: "internal_error", code: "internal_error" }));
    case FailureKind.Unavailable:
      return status(
        503,
        apiErrorBody("Service unavailable, try again later.", { type: "service_unavailable", code: "unavailable" }),
      );
    case FailureKind.BadRequest:
      return status(
        400,
        apiErrorBody("Simulated invalid request.", { type: "invalid_request_error", code: "invalid_request" }),
      );
    case FailureKind.Unprocessable:
      return status(
        422,
        apiErrorBody("Simulated invalid request body.", {
          type: "invalid_request_error",
          code: "invalid_request_body",
          detail: [{ loc: ["body"], msg: "Simulated invalid request body", type: "value_error" }],
        }),
      );
  }
}

function status(status_code: number, body: unknown): { response: unknown; error: null } {
  return { response: { status_code, body }, error: null };
}

/** The failing lines of one job: their 0-based positions, ascending, and how each fails. */
export interface FailurePlan {
  indices: Int32Array;
  kinds: Uint8Array;
}

/** How many of the first `completed` requests fail, by binary search over the plan. */
export function failedInPlan(plan: FailurePlan, completed: number): number {
  let low = 0;
  let high = plan.indices.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((plan.indices[middle] as number) < completed) low = middle + 1;
    else high = middle;
  }
  return low;
}
