import { describe, expect, it } from "vitest";
import { readGetJobQuery } from "./readGetJobQuery.js";
import { readListQuery } from "./readListQuery.js";

describe("booleans, read as FastAPI reads them, by every server-side reader", () => {
  it.each([
    ["true", true],
    ["TRUE", true],
    ["yes", true],
    ["On", true],
    ["1", true],
    ["t", true],
    ["false", false],
    ["no", false],
    ["OFF", false],
    ["0", false],
    ["n", false],
  ])("%s is %s", (word, value) => {
    expect(readGetJobQuery(new URLSearchParams({ inline: word }))).toEqual({ query: { inline: value }, issues: [] });
    // The same rule for every boolean: the mock once took inline=yes but refused created_by_me=yes.
    expect(readListQuery(new URLSearchParams({ created_by_me: word })).query.created_by_me).toBe(value);
  });

  it.each(["maybe", "", "2", "truee"])("%j is refused", (word) => {
    const { issues } = readGetJobQuery(new URLSearchParams({ inline: word }));
    expect(issues.map((issue) => [issue.loc, issue.type])).toEqual([[["query", "inline"], "bool_parsing"]]);
  });

  it("leaves inline out when the query does", () => {
    expect(readGetJobQuery(new URLSearchParams())).toEqual({ query: {}, issues: [] });
  });
});
