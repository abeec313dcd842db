import { describe, expect, it } from "vitest";
import { readCookie } from "./demoSession.js";

describe("readCookie", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["dashboard_user=alice", "alice"],
    ["a=1; dashboard_user=bob%2Eb ; c=3", "bob.b"],
    ["xdashboard_user=eve", undefined],
    ["dashboard_user=%E0%A4%A", undefined],
  ])("reads %j", (header, value) => {
    expect(readCookie(header, "dashboard_user")).toBe(value);
  });
});
