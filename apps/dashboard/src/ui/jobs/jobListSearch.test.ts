import { describe, expect, it } from "vitest";
import { parseSearch } from "../routing/searchParams.js";
import { JOB_LIST_DEFAULTS, readJobListSearch, toListParams } from "./jobListSearch.js";

const read = (query: string) => readJobListSearch(parseSearch(query));

describe("the jobs page's query string", () => {
  it("reads the defaults from an empty one", () => {
    expect(read("")).toEqual(JOB_LIST_DEFAULTS);
    expect(JOB_LIST_DEFAULTS).toEqual({
      status: [],
      model: "",
      createdAfter: "",
      metadata: "",
      order: "-created",
      page: 0,
      pageSize: 20,
    });
  });

  it("reads every filter", () => {
    expect(
      read(
        "?status=RUNNING&status=FAILED&model=mistral-embed&createdAfter=2026-01-02T03%3A04&metadata=project%3Ddemo&order=created&page=2&pageSize=50",
      ),
    ).toEqual({
      status: ["RUNNING", "FAILED"],
      model: "mistral-embed",
      createdAfter: "2026-01-02T03:04",
      metadata: "project=demo",
      order: "created",
      page: 2,
      pageSize: 50,
    });
    expect(read("?status=SUCCESS").status).toEqual(["SUCCESS"]);
  });

  it("falls back to defaults for hand-edited nonsense", () => {
    expect(read("status=NOPE&status=SUCCESS&order=sideways&page=-1&pageSize=7")).toMatchObject({
      status: ["SUCCESS"],
      order: "-created",
      page: 0,
      pageSize: 20,
    });
    expect(readJobListSearch({ model: 3, page: "x", status: [1] })).toEqual(JOB_LIST_DEFAULTS);
  });

  it("turns filters into list parameters, leaving out what is unset or unparsable", () => {
    expect(toListParams(read(""))).toEqual({ page: 0, page_size: 20, order_by: "-created" });
    const created = "2026-01-02T03:04";
    expect(toListParams(read(`status=QUEUED&model=m&createdAfter=${created}&metadata=a%3D1,b%3D2&page=1`))).toEqual({
      page: 1,
      page_size: 20,
      order_by: "-created",
      status: ["QUEUED"],
      model: "m",
      created_after: new Date(created).toISOString(),
      metadata: { a: "1", b: "2" },
    });
    expect(toListParams(read("metadata=no-equals-sign&createdAfter=garbage"))).toEqual({
      page: 0,
      page_size: 20,
      order_by: "-created",
    });
  });
});
