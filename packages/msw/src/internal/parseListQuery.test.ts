import { describe, expect, it } from "vitest";
import { parseListQuery } from "./parseListQuery.js";

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

// The reading itself is the client's readListQuery, tested there; this is the mock's answer to it.
describe("parseListQuery", () => {
  it("hands a valid query to the simulator", () => {
    expect(parse("status=QUEUED&owner=alice&page_size=10")).toEqual({
      status: ["QUEUED"],
      metadata: { owner: "alice" },
      page_size: 10,
    });
  });

  it("answers 422 with every failing parameter", () => {
    expect(() => parse("page=-1&order_by=name")).toThrow(
      expect.objectContaining({
        status: 422,
        body: {
          detail: [
            expect.objectContaining({ loc: ["query", "page"], type: "greater_than_equal" }),
            expect.objectContaining({ loc: ["query", "order_by"], type: "enum" }),
          ],
        },
      }),
    );
  });
});
