import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonTextNestsDeeperThan, MAX_JSON_DEPTH, nestsDeeperThan } from "./jsonDepth.js";

/** The nesting depth of a parsed value, the slow and obvious way. */
function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe("jsonTextNestsDeeperThan", () => {
  it.each([
    ["{}", 1],
    ["[[],[[]]]", 3],
    ['{"a":"[[[[","b":{"c":"\\"[[["}}', 2],
    ['["\\\\",[["\\\\\\"["]]]', 3],
    ["5", 0],
  ])("reads %s as %i deep", (text, depth) => {
    expect(jsonTextNestsDeeperThan(text, depth)).toBe(false);
    if (depth > 0) expect(jsonTextNestsDeeperThan(text, depth - 1)).toBe(true);
  });

  it("agrees with the depth of the parsed value on any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(jsonTextNestsDeeperThan(text, max)).toBe(depthOf(value) > max);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("nestsDeeperThan", () => {
  it("agrees with the depth of any JSON value, and with the scan of its text", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        expect(nestsDeeperThan(value, max)).toBe(depthOf(value) > max);
        expect(nestsDeeperThan(value, max)).toBe(jsonTextNestsDeeperThan(JSON.stringify(value), max));
      }),
      { numRuns: 2000 },
    );
  });

  it("walks a value far deeper than the stack allows a recursion", () => {
    let value: unknown = [];
    for (let level = 1; level < 100_000; level++) value = [value];
    expect(nestsDeeperThan(value, MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(value, 100_000)).toBe(false);
  });
});
