import type { ListFilesParams } from "@mistral-batch/client";
import type { StoredFile } from "./fileStore.js";

/**
 * The files matching every filter of a file list query, in the order given. `search` matches a part of the file's
 * name, whatever its case: the document does not say what it matches, and names are what users search.
 */
export function filterFiles(files: StoredFile[], query: ListFilesParams): StoredFile[] {
  const search = query.search?.toLowerCase();
  const among = (values: string[] | null | undefined, value: string | null) =>
    !values?.length || (value !== null && values.includes(value));
  return files.filter(
    (file) =>
      (query.purpose == null || file.purpose === query.purpose) &&
      among(query.sample_type, file.sampleType) &&
      among(query.source, file.source) &&
      among(query.mimetypes, file.mimetype) &&
      (!search || file.filename.toLowerCase().includes(search)),
  );
}
