import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNestedDeeperThan } from "./jsonDepth.js";

/** The nesting depth of a parsed value, the slow and obvious way. */
function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe("isNestedDeeperThan", () => {
  it.each([
    ["{}", 1],
    ["[[],[[]]]", 3],
    ['{"a":"[[[[","b":{"c":"\\"[[["}}', 2],
    ['["\\\\",[["\\\\\\"["]]]', 3],
    ["5", 0],
  ])("reads %s as %i deep", (text, depth) => {
    expect(isNestedDeeperThan(text, depth)).toBe(false);
    if (depth > 0) expect(isNestedDeeperThan(text, depth - 1)).toBe(true);
  });

  it("agrees with the depth of the parsed value on any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(isNestedDeeperThan(text, max)).toBe(depthOf(value) > max);
      }),
      { numRuns: 2000 },
    );
  });
});
