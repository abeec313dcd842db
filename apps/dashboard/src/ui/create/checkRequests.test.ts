import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "../common/constants.js";
import { checkRequests } from "./checkRequests.js";
import { requestTemplate } from "./requestTemplates.js";

const blob = (...lines: string[]) => new Blob([lines.join("\n")]);

describe("checkRequests", () => {
  it("counts valid requests", async () => {
    expect(await checkRequests(blob('{"custom_id":"a","body":{}}', "", '{"custom_id":"b","body":{}}'))).toEqual({
      state: "valid",
      count: 2,
    });
  });

  it("names bad lines by number, duplicates included", async () => {
    const check = await checkRequests(
      blob('{"custom_id":"a","body":{}}', "{oops", '{"custom_id":"a","body":{}}', '{"body":{}}'),
    );
    expect(check.state).toBe("invalid");
    expect(check.state === "invalid" && check.issues.map((issue) => [issue.lineNumber, issue.message])).toEqual([
      [2, expect.stringMatching(/^not valid JSON/)],
      [3, 'custom_id "a" is used by an earlier line'],
      [4, "custom_id must be a non-empty string"],
    ]);
  });

  it("treats a blank file as empty, and enforces the inline cap", async () => {
    expect(await checkRequests(blob("", "  "))).toEqual({ state: "empty" });
    expect(await checkRequests(blob('{"custom_id":"a","body":{}}', '{"custom_id":"b","body":{}}'), 1)).toEqual({
      state: "unreadable",
      message: "2 requests: at most 1 may be sent inline",
    });
  });

  it.each(ENDPOINTS)("accepts the template of %s", async (endpoint) => {
    expect(await checkRequests(new Blob([requestTemplate(endpoint)]))).toEqual({ state: "valid", count: 3 });
  });
});
