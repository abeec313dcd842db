import type { FilePurpose, FileSource, SampleType } from "./generated/types.gen.js";

/** The purposes the API documents today; its descriptions also name `audio`, which its enum lacks. */
export const KNOWN_FILE_PURPOSES = ["fine-tune", "batch", "ocr"] as const;

/** Who may see a file: the whole workspace (the default) or only its uploader. */
export const KNOWN_FILE_VISIBILITIES = ["workspace", "user"] as const;

/** The sample types the API documents today. */
export const KNOWN_SAMPLE_TYPES = ["pretrain", "instruct", "batch_request", "batch_result", "batch_error"] as const;

/** Where a file comes from, as the API documents it today. */
export const KNOWN_FILE_SOURCES = ["upload", "repository", "mistral"] as const;

/** The bounds of a signed URL's `expiry`, in hours, and its default. */
export const SIGNED_URL_EXPIRY_HOURS = { min: 1, max: 168, default: 24 } as const;

/** Parameters of `files.list`, named as in the API. */
export interface ListFilesParams {
  page?: number | undefined;
  page_size?: number | undefined;
  /** Defaults to true; when false, the answer's `total` is null. */
  include_total?: boolean | undefined;
  sample_type?: SampleType[] | null | undefined;
  source?: FileSource[] | null | undefined;
  search?: string | null | undefined;
  purpose?: FilePurpose | null | undefined;
  mimetypes?: string[] | null | undefined;
}

/** Parameters of `files.getSignedUrl`. */
export interface GetSignedUrlParams {
  file_id: string;
  /** Hours before the URL stops working: 1 to 168, 24 by default. */
  expiry?: number | undefined;
}
