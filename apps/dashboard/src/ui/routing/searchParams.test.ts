import { describe, expect, it } from "vitest";
import { parseSearch, stringifySearch } from "./searchParams.js";

describe("the router's query strings", () => {
  it.each([
    ["", {}],
    ["?page=2", { page: "2" }],
    ["?status=RUNNING&status=FAILED&model=m", { status: ["RUNNING", "FAILED"], model: "m" }],
    ["?metadata=a%3D1%2Cb%3D2", { metadata: "a=1,b=2" }],
  ])("reads %j", (query, search) => {
    expect(parseSearch(query)).toEqual(search);
  });

  it("writes plain parameters, repeating arrays and leaving out empty values", () => {
    expect(stringifySearch({ status: ["RUNNING", "FAILED"], page: 2, model: "", gone: undefined })).toBe(
      "?status=RUNNING&status=FAILED&page=2",
    );
    expect(stringifySearch({})).toBe("");
  });

  it("round-trips what it writes", () => {
    const query = "?status=QUEUED&status=SUCCESS&createdAfter=2026-01-02T03%3A04&pageSize=50";
    expect(stringifySearch(parseSearch(query))).toBe(query);
  });
});
