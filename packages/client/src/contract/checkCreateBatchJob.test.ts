import { describe, expect, it } from "vitest";
import { KNOWN_API_ENDPOINTS } from "../types.js";
import { BATCH_INPUT_ISSUE, checkCreateBatchJob } from "./checkCreateBatchJob.js";
import { MAX_JSON_DEPTH } from "./jsonDepth.js";

const FILE_ID = "e85980c9-409e-4a46-9304-36588f6292b0";
const valid = { endpoint: "/v1/moderations", requests: [{ custom_id: "0", body: { input: "x" } }] };

/** A create body whose whole document nests `levels` deep: the body, `requests`, a request, and its own body below. */
function nestedCreate(levels: number) {
  let body: Record<string, unknown> = { input: "x" };
  for (let level = 4; level < levels; level++) body = { a: body };
  return { endpoint: "/v1/moderations", requests: [{ body }] };
}

describe("checkCreateBatchJob", () => {
  it.each([
    ["inline requests", valid],
    ["input files", { endpoint: "/v1/ocr", input_files: [FILE_ID], timeout_hours: 1, metadata: { team: "ml" } }],
    ["the longest timeout, 168 hours", { ...valid, timeout_hours: 168 }],
    ["an endpoint the API may add later", { ...valid, endpoint: "/v2/something/new" }],
    ["null optional fields", { ...valid, model: null, agent_id: null, metadata: null, input_files: null }],
    ["a body whose document nests exactly to the bound", nestedCreate(MAX_JSON_DEPTH)],
  ])("accepts %s", (_, body) => {
    expect(checkCreateBatchJob(body)).toEqual([]);
  });

  it.each([
    ["a body that is no object", [], [[["body"], "model_attributes_type"]]],
    ["a missing endpoint", { requests: valid.requests }, [[["body", "endpoint"], "missing"]]],
    [
      "an endpoint with a space",
      { ...valid, endpoint: "/v1/a b" },
      [[["body", "endpoint"], "string_pattern_mismatch"]],
    ],
    ["both inputs", { ...valid, input_files: [FILE_ID] }, [[["body", "input_files"], BATCH_INPUT_ISSUE]]],
    ["neither input", { endpoint: "/v1/ocr" }, [[["body", "input_files"], BATCH_INPUT_ISSUE]]],
    ["empty requests", { endpoint: "/v1/ocr", requests: [] }, [[["body", "requests"], BATCH_INPUT_ISSUE]]],
    ["a document nested one level past the bound", nestedCreate(MAX_JSON_DEPTH + 1), [[["body"], "json_invalid"]]],
    [
      "a document nested far past it, without overflowing the check",
      nestedCreate(100_000),
      [[["body"], "json_invalid"]],
    ],
    [
      "10,001 requests",
      { endpoint: "/v1/ocr", requests: Array(10_001).fill({ body: {} }) },
      [[["body", "requests"], "too_long"]],
    ],
    [
      "a request without body and one with a numeric custom_id",
      { endpoint: "/v1/ocr", requests: [{}, { custom_id: 1, body: {} }] },
      [
        [["body", "requests", 0, "body"], "missing"],
        [["body", "requests", 1, "custom_id"], "string_type"],
      ],
    ],
    [
      "a file id that is no UUID",
      { endpoint: "/v1/ocr", input_files: ["f.jsonl"] },
      [[["body", "input_files", 0], "uuid_parsing"]],
    ],
    [
      "bad metadata",
      { ...valid, metadata: { "": "x", n: 1, long: "y".repeat(513) } },
      [
        [["body", "metadata", ""], "string_too_long"],
        [["body", "metadata", "n"], "string_type"],
        [["body", "metadata", "long"], "string_too_long"],
      ],
    ],
    [
      "timeout_hours 0 and model 42",
      { ...valid, timeout_hours: 0, model: 42 },
      [
        [["body", "model"], "string_type"],
        [["body", "timeout_hours"], "greater_than_equal"],
      ],
    ],
    [
      "timeout_hours 169, past the API's 168",
      { ...valid, timeout_hours: 169 },
      [[["body", "timeout_hours"], "less_than_equal"]],
    ],
  ])("reports %s", (_, body, expected) => {
    expect(checkCreateBatchJob(body).map((issue) => [issue.loc, issue.type])).toEqual(expected);
  });

  it("reports a timeout out of bounds with its input and bound, as pydantic does", () => {
    expect(checkCreateBatchJob({ ...valid, timeout_hours: 500 })).toEqual([
      {
        loc: ["body", "timeout_hours"],
        msg: "Input should be less than or equal to 168",
        type: "less_than_equal",
        input: 500,
        ctx: { le: 168 },
      },
    ]);
  });

  describe("with knownValuesOnly, as the API checks its closed endpoint enum", () => {
    const strict = { knownValuesOnly: true };

    it.each(KNOWN_API_ENDPOINTS)("accepts %s", (endpoint) => {
      expect(checkCreateBatchJob({ ...valid, endpoint }, strict)).toEqual([]);
    });

    it.each(["/v2/something/new", "/v1/chat/completions/", 42])("reports %o as an enum issue", (endpoint) => {
      const expected = KNOWN_API_ENDPOINTS.map((value) => `'${value}'`);
      const values = `${expected.slice(0, -1).join(", ")} or ${expected.at(-1)}`;
      expect(checkCreateBatchJob({ ...valid, endpoint }, strict)).toEqual([
        {
          loc: ["body", "endpoint"],
          msg: `Input should be ${values}`,
          type: "enum",
          input: endpoint,
          ctx: { expected: values },
        },
      ]);
    });
  });
});
