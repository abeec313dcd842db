import type { ValidationIssue } from "../errors.js";
import { KNOWN_FILE_PURPOSES, KNOWN_FILE_VISIBILITIES } from "../fileTypes.js";
import type { FilePurpose, FileVisibility } from "../generated/types.gen.js";
import { createFieldReader, definedOnly } from "./createFieldReader.js";
import type { KnownValuesOption } from "./validationIssues.js";

/** The text fields of an upload form a server received, read and checked. */
export interface UploadFieldsReading {
  fields: { purpose?: FilePurpose; visibility?: FileVisibility; expiry?: number };
  /** Every field that breaks the spec, FastAPI style (`loc` starts with "body"); empty when valid. */
  issues: ValidationIssue[];
}

/**
 * Reads the text fields of `POST /v1/files` on the server side (the mock, the proxy): `purpose`, `visibility` and
 * `expiry`, an integer. `form` is a `FormData`, or anything with its `get` and `getAll`. With `knownValuesOnly`, a
 * purpose or visibility the document does not list is an `enum` issue, as the API's. The `file` part is the
 * caller's to read.
 */
export function readUploadFields(
  form: { get(name: string): unknown; getAll(name: string): unknown[] },
  options: KnownValuesOption = {},
): UploadFieldsReading {
  const reader = createFieldReader("body", form);
  const open = !options.knownValuesOnly;
  const fields = definedOnly({
    purpose: reader.oneOf("purpose", KNOWN_FILE_PURPOSES, open),
    visibility: reader.oneOf("visibility", KNOWN_FILE_VISIBILITIES, open),
    expiry: reader.integer("expiry"),
  });
  return { fields, issues: reader.issues };
}
