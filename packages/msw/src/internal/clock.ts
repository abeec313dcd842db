import type { SimulatorClock } from "../types.js";

/** Options of the simulated clock. */
export interface ClockOptions {
  /** "manual": time moves only with `advance`; "real": it follows the wall clock, times `speed`. */
  mode: "manual" | "real";
  /** How many simulated milliseconds pass per real millisecond in "real" mode. */
  speed: number;
  /** The simulated time at creation, in epoch milliseconds. */
  start: number;
}

/** A clock that reads simulated time; `advance` adds to it in both modes. */
export function createClock({ mode, speed, start }: ClockOptions): SimulatorClock {
  const realStart = Date.now();
  let offset = 0;
  return {
    now: () => Math.floor(start + offset + (mode === "real" ? (Date.now() - realStart) * speed : 0)),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`clock.advance expects a non-negative number, got ${ms}`);
      offset += ms;
    },
  };
}
