import { concat, decode, encode, indexOf, latin1, startsWith } from "./bytes.js";

/** The multipart body cannot be passed on: its message is safe to show the caller. */
export class MultipartError extends Error {
  override readonly name = "MultipartError";
}

/** What the rewriter keeps of a multipart/form-data body. */
export interface MultipartRewriteOptions {
  boundary: string;
  /** The stored name of the one `file` part, from the name the caller gave. */
  renameFile: (filename: string) => string;
  /** Other fields passed on; every other part is dropped. */
  keepFields: ReadonlySet<string>;
}

const CRLF = encode("\r\n");
const HEADERS_END = encode("\r\n\r\n");
const MAX_HEADERS = 16 * 1024;
const MAX_FILENAME = 1024;

type State = "preamble" | "delimiter" | "headers" | "body" | "end";

/**
 * Rewrites a multipart/form-data stream chunk by chunk, holding at most one
 * part's headers: the `file` part gets its stored name, listed fields pass,
 * other parts, the preamble and the epilogue are dropped. Throws `MultipartError`
 * on a malformed body.
 */
export class MultipartRewriter {
  private readonly delimiter: Uint8Array;
  private readonly boundary: string;
  // A virtual CRLF before the first byte lets the first boundary match the delimiter.
  private pending: Uint8Array = CRLF;
  private state: State = "preamble";
  private keeping = false;
  private sawFile = false;

  constructor(private readonly options: MultipartRewriteOptions) {
    this.boundary = options.boundary;
    this.delimiter = encode(`\r\n--${options.boundary}`);
  }

  /** Takes the next chunk and returns what can be sent on now. */
  push(chunk: Uint8Array): Uint8Array[] {
    this.pending = this.pending.byteLength === 0 ? chunk : concat(this.pending, chunk);
    const out: Uint8Array[] = [];
    while (this.step(out)) {
      // each step consumes input or changes state until it needs more bytes
    }
    return out;
  }

  /** Ends the body: throws unless it was complete and held a file. */
  end(): void {
    if (this.state !== "end") throw new MultipartError("The multipart body ended before its closing boundary");
    if (!this.sawFile) throw new MultipartError("The multipart body has no file part");
  }

  private step(out: Uint8Array[]): boolean {
    const buffer = this.pending;
    switch (this.state) {
      case "preamble":
      case "body": {
        const index = indexOf(buffer, this.delimiter);
        const safe = index === -1 ? buffer.length - (this.delimiter.length - 1) : index;
        if (this.state === "body" && this.keeping && safe > 0) out.push(buffer.subarray(0, safe));
        if (index === -1) {
          if (safe > 0) this.pending = buffer.subarray(safe);
          return false;
        }
        if (this.state === "body" && this.keeping) out.push(CRLF);
        this.pending = buffer.subarray(index + this.delimiter.length);
        this.state = "delimiter";
        return true;
      }
      case "delimiter": {
        if (buffer.length < 2) return false;
        const next = latin1(buffer.subarray(0, 2));
        if (next === "--") {
          out.push(encode(`--${this.boundary}--\r\n`));
          this.state = "end";
        } else if (next === "\r\n") {
          this.state = "headers";
        } else {
          throw new MultipartError("Malformed multipart boundary");
        }
        this.pending = buffer.subarray(2);
        return true;
      }
      case "headers": {
        // A part without headers starts its body right after the boundary line.
        const index = startsWith(buffer, CRLF) ? -2 : indexOf(buffer, HEADERS_END);
        if (index === -1) {
          if (buffer.length > MAX_HEADERS) throw new MultipartError("Multipart part headers are too large");
          return false;
        }
        const headers = index < 0 ? "" : decode(buffer.subarray(0, index));
        this.pending = buffer.subarray(index < 0 ? 2 : index + HEADERS_END.length);
        this.startPart(headers, out);
        this.state = "body";
        return true;
      }
      default:
        this.pending = new Uint8Array(0);
        return false;
    }
  }

  private startPart(headerText: string, out: Uint8Array[]): void {
    const headers = parseHeaders(headerText);
    const disposition = parseDisposition(headers.get("content-disposition") ?? "");
    const name = disposition.get("name");
    if (name === undefined) throw new MultipartError("A multipart part has no form-data name");
    let lines: string[] | null = null;
    if (name === "file") {
      if (this.sawFile) throw new MultipartError("The multipart body has more than one file part");
      this.sawFile = true;
      const filename = disposition.get("filename*") ?? disposition.get("filename");
      if (!filename || filename.length > MAX_FILENAME) {
        throw new MultipartError(`The file part needs a filename of 1 to ${MAX_FILENAME} characters`);
      }
      lines = [`Content-Disposition: form-data; name="file"; filename="${quote(this.options.renameFile(filename))}"`];
      const type = headers.get("content-type");
      if (type && /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/.test(type)) lines.push(`Content-Type: ${type}`);
    } else if (this.options.keepFields.has(name)) {
      lines = [`Content-Disposition: form-data; name="${quote(name)}"`];
    }
    this.keeping = lines !== null;
    if (lines) out.push(encode(`--${this.boundary}\r\n${lines.join("\r\n")}\r\n\r\n`));
  }
}

/** The boundary of a multipart/form-data content type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (!contentType || type !== "multipart/form-data") return null;
  const boundary = parseDisposition(contentType).get("boundary");
  return boundary && /^[\w'()+,./:=? -]{1,70}$/.test(boundary) && !boundary.endsWith(" ") ? boundary : null;
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Parameters of a header value such as `form-data; name="file"; filename="a.jsonl"`. */
function parseDisposition(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of value.matchAll(pattern)) {
    const key = match[1]!.toLowerCase();
    const raw = match[2]!.trim();
    const decoded = key.endsWith("*") ? decodeExtended(raw) : unquote(raw);
    if (decoded !== null && !params.has(key)) params.set(key, decoded);
  }
  return params;
}

function unquote(raw: string): string {
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
}

// RFC 5987: charset'language'percent-encoded, as in filename*=UTF-8''na%C3%AFve.jsonl
function decodeExtended(raw: string): string | null {
  const match = /^utf-8'[^']*'(.*)$/i.exec(raw);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function quote(value: string): string {
  return value.replace(/["\r\n]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
