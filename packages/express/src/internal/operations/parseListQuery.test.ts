import { describe, expect, it } from "vitest";
import { parseListQuery } from "./parseListQuery.js";

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

describe("parseListQuery", () => {
  it("rebuilds the query from known parameters and merges both metadata styles", () => {
    const result = parse(
      'page=2&page_size=50&status=QUEUED,RUNNING&metadata[deep]=d&order_by=created&metadata={"team":"a"}&x=y&created_by_me=true&created_after=2026-01-01',
    );
    expect("value" in result).toBe(true);
    if (!("value" in result)) return;
    expect(result.value.params.toString()).toBe(
      "page=2&page_size=50&created_after=2026-01-01T00%3A00%3A00.000Z&created_by_me=true&order_by=created&status=QUEUED&status=RUNNING",
    );
    expect(result.value.metadata).toEqual({ team: "a", deep: "d", x: "y" });
  });

  it("lists every failing parameter (the reading itself is the client's readListQuery, tested there)", () => {
    const result = parse("page=-1&status=queued");
    expect("issues" in result && result.issues.map((issue) => issue.loc.join("."))).toEqual([
      "query.page",
      "query.status",
    ]);
  });
});
