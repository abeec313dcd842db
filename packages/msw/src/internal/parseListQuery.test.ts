import { describe, expect, it } from "vitest";
import { parseListQuery } from "./parseListQuery.js";

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

describe("parseListQuery", () => {
  it.each([
    ["repeated status", "status=QUEUED&status=RUNNING", { status: ["QUEUED", "RUNNING"] }],
    ["comma-separated status", "status=QUEUED,RUNNING", { status: ["QUEUED", "RUNNING"] }],
    ["JSON metadata", 'metadata={"owner":"alice","n":1}', { metadata: { owner: "alice", n: 1 } }],
    ["deepObject metadata", "metadata[owner]=alice", { metadata: { owner: "alice" } }],
    ["flattened metadata (official SDK)", "owner=alice&team=x", { metadata: { owner: "alice", team: "x" } }],
    ["paging and order", "page=2&page_size=10&order_by=created", { page: 2, page_size: 10, order_by: "created" }],
    ["created_by_me", "created_by_me=true", { created_by_me: true }],
    ["model and agent_id", "model=m&agent_id=a", { model: "m", agent_id: "a" }],
    ["created_after", "created_after=2024-01-01T00:00:00Z", { created_after: "2024-01-01T00:00:00Z" }],
  ])("reads %s", (_, query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it.each([
    ["page=-1", "page", "greater_than_equal"],
    ["page=x", "page", "int_parsing"],
    ["page_size=0", "page_size", "greater_than_equal"],
    ["page_size=1001", "page_size", "less_than_equal"],
    ["order_by=name", "order_by", "enum"],
    ["created_by_me=maybe", "created_by_me", "bool_parsing"],
    ["metadata={", "metadata", "json_invalid"],
    ["metadata=[1]", "metadata", "dict_type"],
  ])("answers 422 for %s", (query, name, type) => {
    expect(() => parse(query)).toThrow(
      expect.objectContaining({
        status: 422,
        body: { detail: [expect.objectContaining({ loc: ["query", name], type })] },
      }),
    );
  });
});
