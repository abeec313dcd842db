import { readListQuery } from "@mistral-batch/client/contract";
import { describe, expect, it } from "vitest";
import { ProxyError } from "../core/errors.js";
import { appendMetadataFilter, matchesFilter, ownerFilter } from "./metadataFilter.js";

describe("ownerFilter", () => {
  it("merges the owner's key last, over the caller's, and reads back upstream as the same filter", () => {
    const filter = ownerFilter(JSON.parse('{"owner":"bob","__proto__":"p","n":1}'), "owner", "alice");
    expect(Object.entries(filter)).toEqual([
      ["owner", "alice"],
      ["__proto__", "p"],
      ["n", "1"],
    ]);
    const sent = appendMetadataFilter(new URLSearchParams({ page: "0" }), filter);
    expect(sent.toString()).toBe("page=0&owner=alice&__proto__=p&n=1");
    expect(Object.entries(readListQuery(sent).query.metadata ?? {})).toEqual(Object.entries(filter));
  });

  it.each(["page", "status", "order_by", "metadata[x]", ""])(
    "refuses %j, which the exploded form cannot carry",
    (key) => {
      const thrown = (() => {
        try {
          ownerFilter({ [key]: "v" }, "owner", "alice");
        } catch (error) {
          return error;
        }
      })();
      expect(thrown).toBeInstanceOf(ProxyError);
      expect(thrown).toMatchObject({ status: 400, body: { detail: [{ loc: ["query", "metadata", key] }] } });
    },
  );
});

describe("matchesFilter", () => {
  const filter = { owner: "alice", team: "t" };

  it("holds when the job's own metadata has every key with its value", () => {
    expect(matchesFilter({ metadata: { owner: "alice", team: "t", other: "x" } }, filter)).toBe(true);
    expect(matchesFilter({ metadata: { owner: "alice" } }, filter)).toBe(false);
    expect(matchesFilter({ metadata: { owner: "alice", team: 1 } }, { owner: "alice", team: "1" })).toBe(false);
    expect(matchesFilter({ metadata: Object.create({ owner: "alice", team: "t" }) }, filter)).toBe(false);
    expect(matchesFilter({ metadata: null }, filter)).toBe(false);
    expect(matchesFilter(null, filter)).toBe(false);
  });
});
