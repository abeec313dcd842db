import { act } from "@testing-library/react";
import { vi } from "vitest";
import { simulator } from "./batchApi.js";

/** Advances the test's timers and the mock's clock together, in steps of at most 250 ms, letting React render. */
export async function elapse(ms: number) {
  for (let left = ms; ; left -= 250) {
    const step = Math.min(250, Math.max(0, left));
    await act(async () => {
      simulator.clock.advance(step);
      await vi.advanceTimersByTimeAsync(step);
    });
    if (left <= 250) return;
  }
}
