import { describe, expect, it } from "vitest";
import { formatMetadata, parseMetadata } from "./parseMetadata.js";

describe("parseMetadata", () => {
  it.each([
    ["", {}],
    ["a=1", { a: "1" }],
    [" a = 1 ,b=2\nc=x=y\n\n", { a: "1", b: "2", c: "x=y" }],
    ["empty=", { empty: "" }],
  ])("reads %j", (text, metadata) => {
    expect(parseMetadata(text)).toEqual({ ok: true, metadata });
  });

  it.each([
    ["novalue", '"novalue" is not key=value'],
    ["a=1, =2", '"=2" is not key=value'],
  ])("names the bad entry of %j", (text, error) => {
    expect(parseMetadata(text)).toEqual({ ok: false, error });
  });

  it("formats what it reads", () => {
    expect(formatMetadata({ a: "1", n: 2 })).toBe("a=1, n=2");
    expect(parseMetadata(formatMetadata({ project: "demo", owner: "alice" }))).toEqual({
      ok: true,
      metadata: { project: "demo", owner: "alice" },
    });
  });
});
