import { JsonlParseError } from "../errors.js";
import { type JsonlSource, readChunks } from "./readChunks.js";

/** Options of `parseJsonl`. */
export interface ParseJsonlOptions {
  /**
   * When true, a line that is not valid JSON is skipped and collected in the
   * result's `errors` instead of ending the iteration with a `JsonlParseError`.
   */
  lenient?: boolean | undefined;
}

/** The values of a JSONL source, read one line at a time; `errors` fills in lenient mode. */
export interface JsonlValues<T> extends AsyncIterable<T> {
  /** The lines skipped in lenient mode, in order; always empty in strict mode. */
  readonly errors: JsonlParseError[];
  /** The number of the last line read: while a value is being handled, the value's own line. */
  readonly lineNumber: number;
}

/**
 * Parses JSON Lines without holding more than one line in memory. Handles LF and
 * CRLF, blank lines (skipped, but counted in line numbers), a last line without
 * a line break, and multi-byte characters split across chunks. A bad line
 * raises a `JsonlParseError` naming its line number, unless `lenient` is set.
 *
 * @example
 * for await (const line of parseJsonl(await file.stream())) console.log(line);
 */
export function parseJsonl<T = unknown>(source: JsonlSource, options: ParseJsonlOptions = {}): JsonlValues<T> {
  const errors: JsonlParseError[] = [];
  let lineNumber = 0;

  // Returns SKIP for a blank line or, in lenient mode, a bad one.
  const parseLine = (line: string): T | typeof SKIP => {
    lineNumber++;
    if (line.trim() === "") return SKIP;
    try {
      return JSON.parse(line) as T;
    } catch (cause) {
      const error = new JsonlParseError(lineNumber, line.endsWith("\r") ? line.slice(0, -1) : line, { cause });
      if (!options.lenient) throw error;
      errors.push(error);
      return SKIP;
    }
  };

  return {
    errors,
    get lineNumber() {
      return lineNumber;
    },
    async *[Symbol.asyncIterator]() {
      const decoder = new TextDecoder();
      let partial = "";
      for await (const chunk of readChunks(source)) {
        const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
        let start = 0;
        for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
          const value = parseLine(partial + text.slice(start, end));
          partial = "";
          start = end + 1;
          if (value !== SKIP) yield value;
        }
        partial += text.slice(start);
      }
      partial += decoder.decode();
      if (partial !== "") {
        const value = parseLine(partial);
        if (value !== SKIP) yield value;
      }
    },
  };
}

const SKIP: unique symbol = Symbol("skip");
