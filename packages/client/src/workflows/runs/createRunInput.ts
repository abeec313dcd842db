import { BatchValidationError } from "../../errors.js";
import type { BatchRequest } from "../../generated/types.gen.js";
import { parseJsonl } from "../../jsonl/parseJsonl.js";
import { utf8Length } from "../../jsonl/utf8Length.js";
import { type BatchRequestChecker, createBatchRequestChecker } from "../../jsonl/validateBatchRequests.js";

/** The requests `batch.run` takes: request objects (array or (async) iterable), or a JSONL file as a Blob/File. */
export type BatchRunRequests = Iterable<BatchRequest> | AsyncIterable<BatchRequest> | Blob;

/** Limits of one part's file. */
export interface PartLimits {
  maxRequests: number;
  maxBytes: number;
}

/** A part's lines as JSONL bytes, read from the input as the upload pulls them. */
export interface PartStream {
  stream: ReadableStream<Uint8Array>;
  /** How many lines went into it: final once the stream is read. */
  lines(): number;
}

/**
 * The run's input, read once, a line at a time, as it is consumed: never held
 * whole. Each line is checked as it is read (an object `body`, a non-empty
 * `custom_id`, unique within its part) and a bad one stops the run with a
 * `BatchValidationError` naming its line, numbered from 1 across the input.
 */
export function createRunInput(requests: BatchRunRequests) {
  const source: AsyncIterable<unknown> | Iterable<unknown> = requests instanceof Blob ? parseJsonl(requests) : requests;
  const iterator: AsyncIterator<unknown> | Iterator<unknown> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let consumed = 0;
  // Lines read ahead and given back (the first part's look at the input, the line that overflows a part), read
  // again before the source. Already checked.
  let carried: BatchRequest[] = [];
  let carriedAt = 0;
  let check: BatchRequestChecker = createBatchRequestChecker();
  let ended = false;
  let invalid: BatchValidationError | undefined;

  async function readLine(): Promise<{ line: BatchRequest; checked: boolean } | undefined> {
    if (carriedAt < carried.length) {
      consumed++;
      return { line: carried[carriedAt++] as BatchRequest, checked: true };
    }
    if (ended) return undefined;
    const item = await iterator.next();
    if (item.done) {
      ended = true;
      return undefined;
    }
    consumed++;
    return { line: item.value as BatchRequest, checked: false };
  }

  function giveBack(lines: BatchRequest[]): void {
    carried = [...lines, ...carried.slice(carriedAt)];
    carriedAt = 0;
    consumed -= lines.length;
  }

  async function next(): Promise<BatchRequest | undefined> {
    const read = await readLine();
    if (!read || read.checked) return read?.line;
    const problem = check(read.line);
    if (problem) {
      invalid = new BatchValidationError([{ lineNumber: consumed, message: problem }]);
      throw invalid;
    }
    return read.line;
  }

  return {
    /** How many lines have been read. */
    get consumed() {
      return consumed;
    },
    /** The bad line that stopped a read, if one did: an upload it cut short fails for this reason. */
    get invalid() {
      return invalid;
    },
    next,
    /** Gives back lines just read, to be read again in the same order. */
    replay: giveBack,
    /** Starts a new part: custom_ids need only be unique within a job. */
    startPart() {
      check = createBatchRequestChecker();
      for (let i = carriedAt; i < carried.length; i++) check(carried[i]);
    },
    /** Whether the input has no line left. */
    async atEnd(): Promise<boolean> {
      const read = await readLine();
      if (read) giveBack([read.line]);
      return !read;
    },
    /** Reads past lines an earlier process already put into parts. */
    async skip(count: number): Promise<void> {
      for (let i = 0; i < count; i++) if (!(await readLine())) return;
    },
    /** The next part's lines, up to the limits, as a byte stream for an upload. */
    part(limits: PartLimits): PartStream {
      const encoder = new TextEncoder();
      let lines = 0;
      let bytes = 0;
      let full = false;
      const stream = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            let chunk = "";
            while (chunk.length < 65_536 && !full && lines < limits.maxRequests) {
              const line = await next();
              if (line === undefined) break;
              const text = `${JSON.stringify(line)}\n`;
              const size = utf8Length(text);
              if (lines > 0 && bytes + size > limits.maxBytes) {
                giveBack([line]); // it opens the next part
                full = true;
                break;
              }
              lines++;
              bytes += size;
              chunk += text;
            }
            if (chunk) controller.enqueue(encoder.encode(chunk));
            else controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      return { stream, lines: () => lines };
    },
  };
}

/** The input of a run, as `createRunInput` reads it. */
export type RunInput = ReturnType<typeof createRunInput>;
