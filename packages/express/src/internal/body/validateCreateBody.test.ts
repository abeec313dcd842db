import { describe, expect, it } from "vitest";
import { validateCreateBody } from "./validateCreateBody.js";

const FILE = "6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4";
const fieldsOf = (body: unknown) => {
  const result = validateCreateBody(body);
  return "issues" in result ? result.issues.map((issue) => issue.loc.join(".")) : [];
};

describe("validateCreateBody", () => {
  it("keeps the spec's fields and drops unknown ones", () => {
    const result = validateCreateBody({
      endpoint: "/v1/chat/completions",
      requests: [{ custom_id: "0", body: { messages: [] }, extra: 1 }],
      model: "mistral-small-latest",
      metadata: { team: "a" },
      timeout_hours: 2,
      unknown: "dropped",
    });
    expect(result).toEqual({
      value: {
        endpoint: "/v1/chat/completions",
        requests: [{ custom_id: "0", body: { messages: [] } }],
        model: "mistral-small-latest",
        metadata: { team: "a" },
        timeout_hours: 2,
      },
    });
  });

  it.each([
    ["not an object", [], ["body"]],
    ["no endpoint", { input_files: [FILE] }, ["body.endpoint"]],
    ["both sources", { endpoint: "/v1/ocr", input_files: [FILE], requests: [{ body: {} }] }, ["body.input_files"]],
    ["no source", { endpoint: "/v1/ocr" }, ["body.input_files"]],
    ["a bad file id", { endpoint: "/v1/ocr", input_files: [FILE, "../etc"] }, ["body.input_files.1"]],
    ["empty files", { endpoint: "/v1/ocr", input_files: [] }, ["body.input_files"]],
    [
      "a request without body",
      { endpoint: "/v1/ocr", requests: [{ body: {} }, { custom_id: "1" }] },
      ["body.requests.1.body"],
    ],
    [
      "a numeric custom_id",
      { endpoint: "/v1/ocr", requests: [{ custom_id: 3, body: {} }] },
      ["body.requests.0.custom_id"],
    ],
    ["too many requests", { endpoint: "/v1/ocr", requests: Array(10_001).fill({ body: {} }) }, ["body.requests"]],
    ["a numeric model", { endpoint: "/v1/ocr", input_files: [FILE], model: 1 }, ["body.model"]],
    [
      "metadata values",
      { endpoint: "/v1/ocr", input_files: [FILE], metadata: { a: 1, ["k".repeat(33)]: "v" } },
      ["body.metadata.a", `body.metadata.${"k".repeat(33)}`],
    ],
    ["metadata array", { endpoint: "/v1/ocr", input_files: [FILE], metadata: ["a"] }, ["body.metadata"]],
    ["timeout_hours", { endpoint: "/v1/ocr", input_files: [FILE], timeout_hours: 0.5 }, ["body.timeout_hours"]],
    [
      "every field at once",
      { endpoint: 3, requests: "x", agent_id: false, timeout_hours: "1" },
      ["body.endpoint", "body.requests", "body.agent_id", "body.timeout_hours"],
    ],
  ])("lists the failing fields: %s", (_, body, fields) => {
    expect(fieldsOf(body)).toEqual(fields);
  });

  it("accepts exactly 10,000 inline requests", () => {
    expect(fieldsOf({ endpoint: "/v1/moderations", requests: Array(10_000).fill({ body: { input: "x" } }) })).toEqual(
      [],
    );
  });
});
