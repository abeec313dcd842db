import { InvalidRequestError } from "../errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical 8-4-4-4-12 hex form, the shape of every job and file id. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Throws unless `value` is a UUID. */
export function assertUuid(field: string, value: unknown): asserts value is string {
  if (!isUuid(value)) {
    throw new InvalidRequestError(field, `expected a UUID, got ${JSON.stringify(value) ?? String(value)}`);
  }
}

/** Throws unless `value` is undefined or an integer from `min` to `max` (no upper bound by default). */
export function assertOptionalInteger(field: string, value: unknown, min: number, max = Infinity): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidRequestError(field, `expected an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

/** Throws unless the `page` and `page_size` of a list call, when given, are integers of at least 0 and 1. */
export function assertPaging(params: { page?: number; page_size?: number }): void {
  assertOptionalInteger("page", params.page, 0);
  assertOptionalInteger("page_size", params.page_size, 1);
}

/** Throws unless `value` is undefined or one of `allowed`. */
export function assertOptionalOneOf<T>(field: string, value: unknown, allowed: readonly T[]): void {
  if (value === undefined || allowed.includes(value as T)) return;
  throw new InvalidRequestError(field, `expected one of ${JSON.stringify(allowed)}, got ${JSON.stringify(value)}`);
}
