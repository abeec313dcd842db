import { describe, expect, it } from "vitest";
import { readUploadFields } from "./readUploadFields.js";

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("readUploadFields", () => {
  it("reads purpose, visibility and expiry, and leaves the file part alone", () => {
    const reading = readUploadFields(
      form({ file: new Blob(["{}"]), purpose: "batch", visibility: "user", expiry: "48" }),
    );
    expect(reading).toEqual({ fields: { purpose: "batch", visibility: "user", expiry: 48 }, issues: [] });
  });

  it("reads an empty form as no fields", () => {
    expect(readUploadFields(form({}))).toEqual({ fields: {}, issues: [] });
  });

  it("passes values the document does not list, by default", () => {
    expect(readUploadFields(form({ purpose: "audio", visibility: "org" })).issues).toEqual([]);
  });

  it("with knownValuesOnly, reports them as the API does", () => {
    const { issues } = readUploadFields(form({ purpose: "audio", visibility: "org" }), { knownValuesOnly: true });
    expect(issues.map((issue) => [issue.loc, issue.type, issue.input])).toEqual([
      [["body", "purpose"], "enum", "audio"],
      [["body", "visibility"], "enum", "org"],
    ]);
  });

  it("reports an expiry that is no integer, and a purpose sent as a file", () => {
    const { issues } = readUploadFields(form({ expiry: "soon", purpose: new Blob(["batch"]) }));
    expect(issues.map((issue) => [issue.loc, issue.type])).toEqual([
      [["body", "purpose"], "string_type"],
      [["body", "expiry"], "int_parsing"],
    ]);
  });
});
