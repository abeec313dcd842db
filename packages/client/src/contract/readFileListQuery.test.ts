import { describe, expect, it } from "vitest";
import { readFileListQuery } from "./readFileListQuery.js";

const read = (query: string, knownValuesOnly = false) =>
  readFileListQuery(new URLSearchParams(query), { knownValuesOnly });
const issuesOf = (query: string, knownValuesOnly = false) =>
  read(query, knownValuesOnly).issues.map((issue) => [issue.loc, issue.type]);

describe("readFileListQuery", () => {
  it.each([
    ["nothing", "", {}],
    ["paging", "page=2&page_size=5000", { page: 2, page_size: 5000 }],
    ["include_total", "include_total=false", { include_total: false }],
    [
      "repeated lists",
      "sample_type=batch_result&sample_type=batch_error&source=mistral&mimetypes=application/jsonl",
      { sample_type: ["batch_result", "batch_error"], source: ["mistral"], mimetypes: ["application/jsonl"] },
    ],
    ["search and purpose", "search=nightly&purpose=batch", { search: "nightly", purpose: "batch" }],
    ["values the document does not list, by default", "purpose=audio&source=s3", { purpose: "audio", source: ["s3"] }],
    ["parameters it does not know, which FastAPI ignores", "owner=alice", {}],
  ])("reads %s", (_, query, expected) => {
    expect(read(query)).toEqual({ query: expected, issues: [] });
  });

  it.each([
    ["page=-1", [[["query", "page"], "greater_than_equal"]]],
    ["page_size=0", [[["query", "page_size"], "greater_than_equal"]]],
    ["page_size=ten", [[["query", "page_size"], "int_parsing"]]],
    ["include_total=maybe", [[["query", "include_total"], "bool_parsing"]]],
    ["search=a&search=b", [[["query", "search"], "value_error"]]],
  ])("reports %s", (query, expected) => {
    expect(issuesOf(query)).toEqual(expected);
  });

  it("with knownValuesOnly, reports every value outside the document's enums, as the API does", () => {
    expect(issuesOf("purpose=audio&sample_type=instruct&sample_type=chat&source=s3", true)).toEqual([
      [["query", "purpose"], "enum"],
      [["query", "sample_type", 1], "enum"],
      [["query", "source", 0], "enum"],
    ]);
    expect(read("purpose=audio", true).issues[0]).toMatchObject({
      msg: "Input should be 'fine-tune', 'batch' or 'ocr'",
      input: "audio",
      ctx: { expected: "'fine-tune', 'batch' or 'ocr'" },
    });
    expect(read("purpose=ocr&source=upload&sample_type=pretrain", true).issues).toEqual([]);
  });
});
