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

  it("keeps a __proto__ parameter as plain data", () => {
    const result = parse("__proto__=x");
    expect("value" in result && Object.getPrototypeOf(result.value.metadata)).toBe(Object.prototype);
    expect("value" in result && Object.hasOwn(result.value.metadata, "__proto__")).toBe(true);
  });

  it.each([
    ["page=-1", "query.page"],
    ["page=1.5", "query.page"],
    ["page_size=0", "query.page_size"],
    ["page_size=1001", "query.page_size"],
    ["page=1&page=2", "query.page"],
    ["order_by=name", "query.order_by"],
    ["created_by_me=yes", "query.created_by_me"],
    ["created_after=yesterday", "query.created_after"],
    ["status=queued", "query.status"],
    ["metadata=[1]", "query.metadata"],
    ["metadata={", "query.metadata"],
  ])("rejects %s", (query, field) => {
    const result = parse(query);
    expect("issues" in result && result.issues.map((issue) => issue.loc.join("."))).toEqual([field]);
  });
});
