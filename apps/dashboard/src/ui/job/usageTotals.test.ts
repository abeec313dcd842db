import type { BatchResult } from "@mistral-batch/client";
import { describe, expect, it } from "vitest";
import { sumUsage } from "./usageTotals.js";

const ok = (body: unknown): BatchResult => ({
  id: "x",
  custom_id: "c",
  response: { status_code: 200, body },
  error: null,
});

describe("sumUsage", () => {
  it("adds up the usage of the results that carry one", () => {
    const results = [
      ok({ usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }),
      ok({ usage: { prompt_tokens: 7, total_tokens: 7 } }),
      ok({ pages: [] }),
      { id: "y", custom_id: "d", response: null, error: { message: "boom" } } as BatchResult,
      ok({ usage: { prompt_tokens: "many", completion_tokens: Number.NaN } }),
    ];
    expect(sumUsage(results)).toEqual({ prompt_tokens: 17, completion_tokens: 5, total_tokens: 22, counted: 3 });
  });

  it("is zero for no results", () => {
    expect(sumUsage([])).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, counted: 0 });
  });
});
