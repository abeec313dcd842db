import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from "./retry.js";

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);
  it.each([
    ["1", 1000],
    ["0", 0],
    ["2.5", 2500],
    [" 7 ", 7000],
    ["Sat, 28 Nov 2026 12:00:03 GMT", 3000],
    ["Sat, 28 Nov 2026 11:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("reads %j as %j ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("backoffDelay", () => {
  const backoff = { ...DEFAULT_BACKOFF, initialInterval: 100, exponent: 2, maxInterval: 1000 };
  it.each([
    [0, 0, 50],
    [0, 1, 100],
    [2, 0, 200],
    [2, 1, 400],
    [5, 1, 1000],
  ])("attempt %i with random %f waits %i ms", (attempt, random, expected) => {
    expect(backoffDelay(backoff, attempt, () => random)).toBe(expected);
  });
});
