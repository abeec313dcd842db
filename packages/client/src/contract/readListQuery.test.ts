import { describe, expect, it } from "vitest";
import { isExplodedMetadataKey, readListQuery } from "./readListQuery.js";

const read = (query: string) => readListQuery(new URLSearchParams(query));

describe("readListQuery", () => {
  it.each([
    ["repeated status", "status=QUEUED&status=RUNNING", { status: ["QUEUED", "RUNNING"] }],
    ["comma-separated status", "status=QUEUED,RUNNING", { status: ["QUEUED", "RUNNING"] }],
    ["JSON metadata", 'metadata={"owner":"alice","n":1}', { metadata: { owner: "alice", n: 1 } }],
    ["deepObject metadata", "metadata[owner]=alice", { metadata: { owner: "alice" } }],
    ["flattened metadata (official SDK)", "owner=alice&team=x", { metadata: { owner: "alice", team: "x" } }],
    [
      "every metadata style at once",
      'metadata={"team":"a"}&metadata[deep]=d&x=y',
      { metadata: { team: "a", deep: "d", x: "y" } },
    ],
    ["paging and order", "page=2&page_size=10&order_by=created", { page: 2, page_size: 10, order_by: "created" }],
    ["a page_size past 1000: the API documents no maximum", "page_size=5000", { page_size: 5000 }],
    ["created_by_me", "created_by_me=false", { created_by_me: false }],
    ["model and agent_id", "model=m&agent_id=a", { model: "m", agent_id: "a" }],
    ["created_after as a date", "created_after=2024-01-01", { created_after: "2024-01-01T00:00:00.000Z" }],
    ["created_after as epoch seconds", "created_after=1704067200", { created_after: "2024-01-01T00:00:00.000Z" }],
  ])("reads %s", (_, query, expected) => {
    expect(read(query)).toEqual({ query: expected, issues: [] });
  });

  it("keeps a __proto__ parameter as plain data", () => {
    const { query } = read("__proto__=x");
    expect(Object.getPrototypeOf(query.metadata)).toBe(Object.prototype);
    expect(Object.hasOwn(query.metadata ?? {}, "__proto__")).toBe(true);
  });

  it.each([
    ["page=-1", "page", "greater_than_equal"],
    ["page=1.5", "page", "int_parsing"],
    ["page_size=0", "page_size", "greater_than_equal"],
    ["page_size=1.5", "page_size", "int_parsing"],
    ["created_by_me=constructor", "created_by_me", "bool_parsing"],
    ["page=1&page=2", "page", "value_error"],
    ["order_by=name", "order_by", "enum"],
    ["created_by_me=maybe", "created_by_me", "bool_parsing"],
    ["created_after=yesterday", "created_after", "datetime_from_date_parsing"],
    ["status=queued", "status", "enum"],
    ["metadata={", "metadata", "json_invalid"],
    ["metadata=[1]", "metadata", "dict_type"],
  ])("reports %s", (query, name, type) => {
    expect(read(query).issues.map((issue) => [issue.loc, issue.type])).toEqual([[["query", name], type]]);
  });
});

describe("isExplodedMetadataKey", () => {
  it("is true exactly for the names readListQuery reads back as metadata keys", () => {
    const names = [
      "team",
      "__proto__",
      "page",
      "page_size",
      "status",
      "model",
      "metadata",
      "metadata[team]",
      "order_by",
      "",
    ];
    const readBack = Object.keys(
      readListQuery(new URLSearchParams(names.map((name) => [name, "x"]))).query.metadata ?? {},
    );
    expect(names.filter(isExplodedMetadataKey)).toEqual(["team", "__proto__"]);
    expect(readBack).toEqual(["team", "__proto__"]);
  });
});
