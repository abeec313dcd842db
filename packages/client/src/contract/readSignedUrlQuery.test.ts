import { describe, expect, it } from "vitest";
import { readSignedUrlQuery } from "./readSignedUrlQuery.js";

const read = (query: string) => readSignedUrlQuery(new URLSearchParams(query));

describe("readSignedUrlQuery", () => {
  it.each([
    ["", 24],
    ["expiry=1", 1],
    ["expiry=168", 168],
  ])("reads %o as %i hours", (query, expiry) => {
    expect(read(query)).toEqual({ query: { expiry }, issues: [] });
  });

  it.each([
    ["expiry=0", "greater_than_equal", { ge: 1 }],
    ["expiry=169", "less_than_equal", { le: 168 }],
    ["expiry=1.5", "int_parsing", undefined],
  ])("reports %s", (query, type, ctx) => {
    expect(read(query).issues).toEqual([
      expect.objectContaining({ loc: ["query", "expiry"], type, ...(ctx && { ctx }) }),
    ]);
  });
});
