import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareSpecs, type OpenApiDocument } from "./compareSpecs.js";

const read = (path: string) => parse(readFileSync(new URL(`../${path}`, import.meta.url), "utf8")) as OpenApiDocument;
/** Mistral's published document (batch and files), as copied into reference/. */
const published = read("reference/mistral-openapi-excerpt.yaml");
const ours = read("mistral-batch.yaml");

const OPEN_ENUM =
  "Open in ours, as in the official SDKs (they read every enum as open): a value the API adds later must not make a " +
  "client fail to read a job or a file. The known values are the document's.";
const UNBOUNDED_PAGE =
  "Not in the document: our client refuses it before sending and the mock answers 422, since such a page asks for " +
  "nothing. How the API answers it is unverified.";
const EXPIRY_IN_PROSE =
  "The document gives the bound in the parameter's description (Must be between 1h and 168h), not in its schema; " +
  "ours writes it as a bound, which the client checks and the mock enforces.";

/** Every way our spec may differ from the document, each with its reason. Anything else fails the test. */
const EXCEPTIONS: Record<string, string> = {
  "ApiEndpoint: an open enum in ours, closed in the document":
    "The API refuses an endpoint it does not know, and so does the mock (422, loc body.endpoint, type enum); the " +
    "client's types stay open so that a client built today accepts an endpoint the API adds later. The known values " +
    "are the document's.",
  "BatchJobStatus: an open enum in ours, closed in the document": OPEN_ENUM,
  "FilePurpose: an open enum in ours, closed in the document": `${OPEN_ENUM} The document's own descriptions name \`audio\`, which its enum lacks.`,
  "FileVisibility: an open enum in ours, closed in the document": OPEN_ENUM,
  "POST /v1/files body multipart/form-data.visibility: an open enum in ours, closed in the document":
    "Our FileVisibility, open as in the file object; the document writes the same enum inline here.",
  "SampleType: an open enum in ours, closed in the document": OPEN_ENUM,
  "Source (ours: FileSource): an open enum in ours, closed in the document": OPEN_ENUM,
  "GET /v1/batch/jobs query page: minimum none in the document, 0 in ours": UNBOUNDED_PAGE,
  "GET /v1/batch/jobs query page_size: minimum none in the document, 1 in ours": UNBOUNDED_PAGE,
  "GET /v1/files query page: minimum none in the document, 0 in ours": UNBOUNDED_PAGE,
  "GET /v1/files query page_size: minimum none in the document, 1 in ours": UNBOUNDED_PAGE,
  "GET /v1/files/{file_id}/url query expiry: maximum none in the document, 168 in ours": EXPIRY_IN_PROSE,
  "GET /v1/files/{file_id}/url query expiry: minimum none in the document, 1 in ours": EXPIRY_IN_PROSE,
};

describe("openapi/mistral-batch.yaml against Mistral's published document", () => {
  const drifts = compareSpecs(published, ours);

  it("has every path, operation, parameter, field, type, bound and enum value of it, but the listed exceptions", () => {
    expect(drifts.filter((drift) => !(drift in EXCEPTIONS))).toEqual([]);
  });

  it("lists no exception that no longer applies", () => {
    expect(Object.keys(EXCEPTIONS).filter((exception) => !drifts.includes(exception))).toEqual([]);
  });
});

describe("compareSpecs", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the mutations reach deep into the parsed YAML.
  type Spec = any;
  const copy = (): Spec => structuredClone(ours);
  const schemas = (spec: Spec) => spec.components.schemas;
  const fileListParameters = (spec: Spec): Spec[] => spec.paths["/v1/files"].get.parameters;
  const includeTotal = (spec: Spec) => fileListParameters(spec).findIndex((p) => p.name === "include_total");

  it("finds nothing between the document and itself", () => {
    expect(compareSpecs(published, published)).toEqual([]);
  });

  it.each<[string, (spec: Spec) => void, string]>([
    [
      "a path",
      (s) => delete s.paths["/v1/files/{file_id}/url"],
      "/v1/files/{file_id}/url: in the document, not in ours",
    ],
    ["an operation", (s) => delete s.paths["/v1/files"].get, "GET /v1/files: in the document, not in ours"],
    [
      "a parameter",
      (s) => fileListParameters(s).splice(includeTotal(s), 1),
      "GET /v1/files query include_total: in the document, not in ours",
    ],
    [
      "a parameter's default",
      (s) => delete fileListParameters(s)[includeTotal(s)].schema.default,
      "GET /v1/files query include_total: default true in the document, none in ours",
    ],
    [
      "a request field",
      (s) => delete schemas(s).BatchJobIn.properties.timeout_hours,
      "CreateBatchJobRequest (ours: BatchJobIn).timeout_hours: in the document, not in ours",
    ],
    [
      "a bound",
      (s) => (schemas(s).BatchJobIn.properties.timeout_hours.maximum = 500),
      "CreateBatchJobRequest (ours: BatchJobIn).timeout_hours: maximum 168 in the document, 500 in ours",
    ],
    [
      "a response field",
      (s) => delete schemas(s).GetSignedUrlResponse.properties.url,
      "GetSignedUrlResponse.url: in the document, not in ours",
    ],
    [
      "a field's type",
      (s) => (schemas(s).FileObject.properties.bytes = { type: "string" }),
      "CreateFileResponse (ours: FileObject).bytes: type integer in the document, not in ours",
    ],
    [
      "a format",
      (s) => delete schemas(s).BatchJob.properties.output_file.anyOf[0].format,
      'BatchJob.output_file: format "uuid" in the document, none in ours',
    ],
    [
      "a required field",
      (s) => (schemas(s).DeleteFileResponse.required = ["id", "object"]),
      "DeleteFileResponse.deleted: required in the document, not in ours",
    ],
    [
      "an enum value",
      (s) => schemas(s).BatchJobStatus.anyOf[0].enum.pop(),
      'BatchJobStatus: enum value "CANCELLED" not in ours',
    ],
    [
      "a field of the 422 body",
      (s) => delete schemas(s).ValidationError.properties.ctx,
      "ValidationError.ctx: in the document, not in ours",
    ],
  ])("reports %s that our spec drops or mistypes", (_, mutate, drift) => {
    const broken = copy();
    mutate(broken);
    expect(compareSpecs(published, broken)).toContain(drift);
  });

  it("reports what our spec adds", () => {
    const added: Spec = copy();
    schemas(added).FilePurpose.anyOf[0].enum.push("audio");
    added.paths["/v1/files"].get.parameters.push({ name: "limit", in: "query", schema: { type: "integer" } });
    expect(compareSpecs(published, added)).toEqual(
      expect.arrayContaining([
        'FilePurpose: enum value "audio" not in the document',
        "GET /v1/files query limit: in ours, not in the document",
      ]),
    );
  });
});
