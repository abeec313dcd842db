import { describe, expect, it } from "vitest";
import { createClock } from "./clock.js";

describe("createClock", () => {
  it("moves only with advance in manual mode", async () => {
    const clock = createClock({ mode: "manual", speed: 1, start: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now()).toBe(1_000);
    clock.advance(500);
    expect(clock.now()).toBe(1_500);
  });

  it("follows the wall clock times speed in real mode, plus what advance adds", async () => {
    const clock = createClock({ mode: "real", speed: 100, start: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clock.now()).toBeGreaterThanOrEqual(4_500);
    clock.advance(1_000_000);
    expect(clock.now()).toBeGreaterThanOrEqual(1_004_500);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses to advance by %s", (ms) => {
    expect(() => createClock({ mode: "manual", speed: 1, start: 0 }).advance(ms)).toThrow(RangeError);
  });
});
