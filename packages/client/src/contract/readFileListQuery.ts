import type { ValidationIssue } from "../errors.js";
import { KNOWN_FILE_PURPOSES, KNOWN_FILE_SOURCES, KNOWN_SAMPLE_TYPES, type ListFilesParams } from "../fileTypes.js";
import { createFieldReader, definedOnly } from "./createFieldReader.js";
import type { KnownValuesOption } from "./validationIssues.js";

/** The file list query a server received, read and checked. */
export interface FileListQueryReading {
  query: ListFilesParams;
  /** Every parameter that breaks the spec, FastAPI style (`loc` starts with "query"); empty when valid. */
  issues: ValidationIssue[];
}

const SINGLE = ["page", "page_size", "include_total", "search", "purpose"];

/**
 * Reads `GET /v1/files`'s query string on the server side (the mock, the proxy). `sample_type`, `source` and
 * `mimetypes` repeat (`source=upload&source=mistral`). With `knownValuesOnly`, a purpose, sample type or source the
 * document does not list is an `enum` issue, as the API's; without, it passes. Unknown parameters are ignored, as
 * FastAPI does.
 */
export function readFileListQuery(search: URLSearchParams, options: KnownValuesOption = {}): FileListQueryReading {
  const reader = createFieldReader("query", search, SINGLE);
  const open = !options.knownValuesOnly;
  const query: ListFilesParams = definedOnly({
    page: reader.integer("page", 0),
    page_size: reader.integer("page_size", 1),
    include_total: reader.boolean("include_total"),
    search: reader.text("search"),
    purpose: reader.oneOf("purpose", KNOWN_FILE_PURPOSES, open),
    sample_type: reader.list("sample_type", KNOWN_SAMPLE_TYPES, open),
    source: reader.list("source", KNOWN_FILE_SOURCES, open),
    mimetypes: reader.list("mimetypes", [], true),
  });
  return { query, issues: reader.issues };
}
