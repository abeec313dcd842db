import { describe, expect, it } from "vitest";
import { BatchValidationError } from "../errors.js";
import { MAX_REPORTED_ISSUES, validateBatchRequests } from "./validateBatchRequests.js";

async function issuesOf(requests: Parameters<typeof validateBatchRequests>[0]) {
  const error = await validateBatchRequests(requests).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BatchValidationError);
  return (error as BatchValidationError).issues;
}

describe("validateBatchRequests", () => {
  it("counts valid requests from an array, an async iterable, a Blob and a stream", async () => {
    const requests = [
      { custom_id: "a", body: { input: "x" } },
      { custom_id: "b", body: {} },
    ];
    expect(await validateBatchRequests(requests)).toBe(2);
    async function* generate() {
      yield* requests;
    }
    expect(await validateBatchRequests(generate())).toBe(2);
    const jsonl = `${requests.map((r) => JSON.stringify(r)).join("\r\n")}\r\n\r\n`;
    expect(await validateBatchRequests(new Blob([jsonl]))).toBe(2);
    expect(await validateBatchRequests(new Blob([jsonl]).stream())).toBe(2);
  });

  it.each([
    { request: "text", message: "expected an object with custom_id and body" },
    { request: null, message: "expected an object with custom_id and body" },
    { request: { custom_id: "x" }, message: "body must be an object" },
    { request: { custom_id: "x", body: [1] }, message: "body must be an object" },
    { request: { body: {} }, message: "custom_id must be a non-empty string" },
    { request: { custom_id: "", body: {} }, message: "custom_id must be a non-empty string" },
    { request: { custom_id: 7, body: {} }, message: "custom_id must be a non-empty string" },
  ])("refuses $request with its line number", async ({ request, message }) => {
    expect(await issuesOf([{ custom_id: "ok", body: {} }, request])).toEqual([{ lineNumber: 2, message }]);
  });

  it("refuses a duplicate custom_id", async () => {
    const issues = await issuesOf([
      { custom_id: "a", body: {} },
      { custom_id: "b", body: {} },
      { custom_id: "a", body: {} },
    ]);
    expect(issues).toEqual([{ lineNumber: 3, message: 'custom_id "a" is used by an earlier line' }]);
  });

  it("numbers lines as they appear in a JSONL file, malformed and blank ones included", async () => {
    const jsonl = [
      '{"custom_id":"a","body":{}}',
      "",
      '{"custom_id":"b","body":',
      '{"custom_id":"a","body":{}}',
      "  ",
      '{"custom_id":"c"}',
    ].join("\n");
    const issues = await issuesOf(new Blob([jsonl]));
    expect(issues.map((i) => i.lineNumber)).toEqual([3, 4, 6]);
    expect(issues[0]?.message).toMatch(/^not valid JSON/);
    expect(issues[1]?.message).toContain("earlier line");
    expect(issues[2]?.message).toBe("body must be an object");
  });

  it("lists the first lines in its message and keeps at most MAX_REPORTED_ISSUES issues", async () => {
    const requests = Array.from({ length: 500 }, () => ({ custom_id: "same", body: {} }));
    const error = (await validateBatchRequests(requests).catch((e: unknown) => e)) as BatchValidationError;
    expect(error.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(error.issues[0]?.lineNumber).toBe(2);
    expect(error.message).toContain("line 2:");
    expect(error.message).toContain("more");
  });
});
