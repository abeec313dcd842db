import { describe, expect, it } from "vitest";
import { readJobListSearch, toListParams, writeJobListSearch } from "./jobListSearch.js";

const read = (query: string) => readJobListSearch(new URLSearchParams(query));

describe("the jobs page's query string", () => {
  it("is empty for the default list, and the defaults are what an empty one reads", () => {
    const defaults = read("");
    expect(defaults).toEqual({
      status: [],
      model: "",
      createdAfter: "",
      metadata: "",
      order: "-created",
      page: 0,
      pageSize: 20,
    });
    expect(writeJobListSearch(defaults)).toBe("");
  });

  it("round-trips every filter", () => {
    const query =
      "?status=RUNNING&status=FAILED&model=mistral-embed&created_after=2026-01-02T03%3A04&metadata=project%3Ddemo&order=created&page=2&page_size=50";
    expect(writeJobListSearch(read(query))).toBe(query);
  });

  it("falls back to defaults for hand-edited nonsense", () => {
    expect(read("status=NOPE&status=SUCCESS&order=sideways&page=-1&page_size=7")).toMatchObject({
      status: ["SUCCESS"],
      order: "-created",
      page: 0,
      pageSize: 20,
    });
  });

  it("turns filters into list parameters, leaving out what is unset or unparsable", () => {
    expect(toListParams(read(""))).toEqual({ page: 0, page_size: 20, order_by: "-created" });
    const created = "2026-01-02T03:04";
    expect(toListParams(read(`status=QUEUED&model=m&created_after=${created}&metadata=a%3D1,b%3D2&page=1`))).toEqual({
      page: 1,
      page_size: 20,
      order_by: "-created",
      status: ["QUEUED"],
      model: "m",
      created_after: new Date(created).toISOString(),
      metadata: { a: "1", b: "2" },
    });
    expect(toListParams(read("metadata=no-equals-sign&created_after=garbage"))).toEqual({
      page: 0,
      page_size: 20,
      order_by: "-created",
    });
  });
});
