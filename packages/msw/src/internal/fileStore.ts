import type { FileObject } from "@mistral-batch/client";
import { utf8Length } from "@mistral-batch/client/contract";
import { SimulatedApiError } from "../SimulatedApiError.js";
import type { FileContent, SimulatorClock, UploadFileInput } from "../types.js";
import { checkPathId } from "./checkPathId.js";
import { hashBytes } from "./hash.js";
import type { JobRecord } from "./jobProgress.js";
import { countJsonlLines } from "./jsonl.js";
import { linesToStream, type ResultKind, resultLines } from "./resultLines.js";

/** A job's results, generated when read. */
interface LazyContent {
  job: JobRecord;
  kind: ResultKind;
  completed: number;
  created: number;
}

/** A stored file: uploaded bytes, or a job's results generated on demand. */
export interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  sampleType: string;
  source: string;
  createdAt: number;
  mimetype: string | null;
  numLines: number | null;
  /** The bearer token that uploaded it, or created the job it holds the results of. */
  owner: string | undefined;
  /** "user": only `owner` sees it; "workspace", or null for a job's results: every caller does. */
  visibility: string | null;
  /** Unix seconds after which the file is gone, or null. */
  expiresAt: number | null;
  signature: string | null;
  content: Uint8Array | LazyContent;
  /** Byte size, computed once for generated files. */
  size?: number;
  /** Request count once validated as a batch input. */
  batchLines?: number;
}

/**
 * The files of a simulator. A file past its `expiresAt` (simulated clock) is gone, as if deleted. Deleted ids are
 * remembered so that a job's results are not recreated after deletion.
 */
export class FileStore {
  readonly #files = new Map<string, StoredFile>();
  readonly #deleted = new Set<string>();
  readonly #clock: SimulatorClock;

  constructor(clock: SimulatorClock) {
    this.#clock = clock;
  }

  /** The file, unless it is missing or expired. */
  get(id: string): StoredFile | undefined {
    const file = this.#files.get(id);
    return file && this.#live(file) ? file : undefined;
  }

  /** The file if `caller` may see it: a "user" file is its owner's alone; without a caller, every file is seen. */
  find(id: string, caller: string | undefined): StoredFile | undefined {
    const file = this.get(id);
    return file && visibleTo(file, caller) ? file : undefined;
  }

  /** The file a route names by `file_id`: 422 for an id that is not a UUID, 404 when `find` has none. */
  lookup(id: string, caller: string | undefined): StoredFile {
    checkPathId(id, "file_id");
    const file = this.find(id, caller);
    if (!file) throw SimulatedApiError.notFound("file", id);
    return file;
  }

  /** Every file `caller` may see, newest first. */
  list(caller: string | undefined): StoredFile[] {
    return [...this.#files.values()]
      .filter((file) => this.#live(file) && visibleTo(file, caller))
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  #add(file: StoredFile): void {
    this.#files.set(file.id, file);
  }

  /** Stores an upload, as `POST /v1/files` does, under a new id. */
  upload(input: UploadFileInput, caller: string | undefined): StoredFile {
    const { filename, content, purpose = "fine-tune", mimetype = null, visibility = "workspace", expiry } = input;
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
    const createdAt = Math.floor(this.#clock.now() / 1000);
    const file: StoredFile = {
      id: globalThis.crypto.randomUUID(),
      filename,
      purpose,
      sampleType: purpose === "batch" ? "batch_request" : "instruct",
      source: "upload",
      createdAt,
      mimetype,
      numLines: countJsonlLines(bytes),
      owner: caller,
      visibility,
      expiresAt: expiry == null ? null : createdAt + expiry * 3600,
      // Shaped as the document's example (`d4821d2de1917341`); what the API signs is not documented.
      signature: hashBytes(bytes),
      content: bytes,
    };
    this.#add(file);
    return file;
  }

  /** Stores a job's output or error file, unless it exists or was deleted. */
  addResults(id: string, content: LazyContent, numLines: number, createdAt: number): void {
    if (this.#files.has(id) || this.#deleted.has(id)) return;
    const { job, kind } = content;
    this.#add({
      id,
      filename: `batch-${job.id}-${kind}.jsonl`,
      purpose: "batch",
      sampleType: kind === "output" ? "batch_result" : "batch_error",
      source: "mistral",
      createdAt,
      mimetype: "application/jsonl",
      numLines,
      owner: job.creator,
      visibility: null,
      expiresAt: null,
      signature: null,
      content,
    });
  }

  delete(id: string): boolean {
    this.#deleted.add(id);
    return this.#files.delete(id);
  }

  clear(): void {
    this.#files.clear();
    this.#deleted.clear();
  }

  #live(file: StoredFile): boolean {
    return file.expiresAt === null || this.#clock.now() < file.expiresAt * 1000;
  }

  /** The file object the API returns; sizes a generated file by generating it once. */
  describe(file: StoredFile): FileObject {
    return {
      id: file.id,
      object: "file",
      bytes: fileSize(file),
      created_at: file.createdAt,
      filename: file.filename,
      purpose: file.purpose,
      sample_type: file.sampleType,
      source: file.source,
      num_lines: file.numLines,
      mimetype: file.mimetype,
      signature: file.signature,
      expires_at: file.expiresAt,
      visibility: file.visibility,
    };
  }

  /** The file's bytes as a download: its name and type, its size when known without generating it, a stream. */
  content(file: StoredFile): FileContent {
    const bytes = file.content instanceof Uint8Array ? file.content.length : file.size;
    return { filename: file.filename, mimetype: file.mimetype, bytes, stream: this.#stream(file) };
  }

  /** The file's bytes as a stream. */
  #stream(file: StoredFile): ReadableStream<Uint8Array> {
    const { content } = file;
    if (content instanceof Uint8Array) {
      return new ReadableStream({
        start(controller) {
          controller.enqueue(content);
          controller.close();
        },
      });
    }
    // A full read gives the size for free, sparing `describe` a second pass over the results.
    return linesToStream(resultLines(content.job, content.kind, content.completed, content.created), (bytes) => {
      file.size = bytes;
    });
  }
}

function visibleTo(file: StoredFile, caller: string | undefined): boolean {
  return file.visibility !== "user" || caller === undefined || file.owner === caller;
}

function fileSize(file: StoredFile): number {
  if (file.content instanceof Uint8Array) return file.content.length;
  if (file.size === undefined) {
    const { job, kind, completed, created } = file.content;
    let size = 0;
    for (const line of resultLines(job, kind, completed, created)) size += utf8Length(line) + 1;
    file.size = size;
  }
  return file.size;
}
