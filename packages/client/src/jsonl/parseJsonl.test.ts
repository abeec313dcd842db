import { describe, expect, it } from "vitest";
import { JsonlParseError } from "../errors.js";
import { parseJsonl } from "./parseJsonl.js";

const encoder = new TextEncoder();

/** A byte stream delivering `bytes` in pieces cut at the given offsets. */
function streamOf(bytes: Uint8Array, cuts: number[] = []): ReadableStream<Uint8Array> {
  const bounds = [0, ...cuts, bytes.length];
  const pieces = bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

async function collect<T>(values: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of values) out.push(value);
  return out;
}

describe("parseJsonl", () => {
  it.each([
    { name: "LF lines", text: '{"a":1}\n{"a":2}\n', expected: [{ a: 1 }, { a: 2 }] },
    { name: "CRLF lines", text: '{"a":1}\r\n{"a":2}\r\n', expected: [{ a: 1 }, { a: 2 }] },
    { name: "no final newline", text: '{"a":1}\n{"a":2}', expected: [{ a: 1 }, { a: 2 }] },
    { name: "CRLF without final newline", text: '{"a":1}\r\n{"a":2}\r', expected: [{ a: 1 }, { a: 2 }] },
    { name: "blank lines", text: '\n{"a":1}\n\n  \r\n{"a":2}\n\n', expected: [{ a: 1 }, { a: 2 }] },
    { name: "empty input", text: "", expected: [] },
    { name: "only blank lines", text: "\n\r\n\n", expected: [] },
    { name: "scalars and arrays", text: '1\n"x"\n[1,2]\nnull\n', expected: [1, "x", [1, 2], null] },
    { name: "a byte-order mark", text: '\uFEFF{"a":1}\n', expected: [{ a: 1 }] },
  ])("reads $name", async ({ text, expected }) => {
    expect(await collect(parseJsonl(streamOf(encoder.encode(text))))).toEqual(expected);
  });

  it("reads multi-byte characters split across chunks at every offset", async () => {
    const values = [{ text: "héllo wörld" }, { text: "日本語のテキスト" }, { emoji: "👩‍💻🚀" }];
    const bytes = encoder.encode(values.map((v) => JSON.stringify(v)).join("\r\n"));
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect(parseJsonl(streamOf(bytes, [cut])))).toEqual(values);
    }
    const oneByteAtATime = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(await collect(parseJsonl(streamOf(bytes, oneByteAtATime)))).toEqual(values);
  });

  it("reads a line spread over many chunks", async () => {
    const value = { text: "x".repeat(100_000) };
    const bytes = encoder.encode(`${JSON.stringify(value)}\n{"b":2}`);
    const cuts = Array.from({ length: 99 }, (_, i) => (i + 1) * 1000);
    expect(await collect(parseJsonl(streamOf(bytes, cuts)))).toEqual([value, { b: 2 }]);
  });

  it("accepts a Blob and (async) iterables of strings or bytes", async () => {
    const expected = [{ a: 1 }, { a: 2 }];
    expect(await collect(parseJsonl(new Blob(['{"a":1}\n{"a"', ":2}\n"])))).toEqual(expected);
    expect(await collect(parseJsonl(['{"a":1}\n{"a"', ":2}"]))).toEqual(expected);
    async function* chunks() {
      yield encoder.encode('{"a":1}\n');
      yield '{"a":2}';
    }
    expect(await collect(parseJsonl(chunks()))).toEqual(expected);
  });

  it.each([
    { text: '{"a":1}\n{"a":\n{"a":3}\n', lineNumber: 2 },
    { text: '{"a":1}\r\n\r\n\r\nnot json\r\n', lineNumber: 4 },
    { text: '{"a":1}\n{"a":2}\n{"a":3', lineNumber: 3 },
    { text: '\n\n{"a":1}}\n', lineNumber: 3 },
  ])("names line $lineNumber when it is malformed", async ({ text, lineNumber }) => {
    const error = await collect(parseJsonl(streamOf(encoder.encode(text), [5]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonlParseError);
    expect(error).toMatchObject({ lineNumber, name: "JsonlParseError" });
    expect((error as Error).message).toContain(`line ${lineNumber}`);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it("stops at the first malformed line in strict mode, after yielding the lines before it", async () => {
    const seen: unknown[] = [];
    const parsed = parseJsonl(streamOf(encoder.encode('{"a":1}\nbad\n{"a":3}\n')));
    await expect(async () => {
      for await (const value of parsed) seen.push(value);
    }).rejects.toThrow(JsonlParseError);
    expect(seen).toEqual([{ a: 1 }]);
    expect(parsed.errors).toEqual([]);
  });

  it("collects malformed lines in lenient mode and keeps going", async () => {
    const text = '{"a":1}\r\nbad line\r\n\r\n{"a":3}\n{oops}\n{"a":6}';
    const parsed = parseJsonl(streamOf(encoder.encode(text), [3, 17]), { lenient: true });
    expect(await collect(parsed)).toEqual([{ a: 1 }, { a: 3 }, { a: 6 }]);
    expect(parsed.errors.map((e) => [e.lineNumber, e.line])).toEqual([
      [2, "bad line"],
      [5, "{oops}"],
    ]);
    expect(parsed.errors.every((e) => e instanceof JsonlParseError)).toBe(true);
  });

  it("reports each value's own line number while it is handled", async () => {
    const parsed = parseJsonl(streamOf(encoder.encode('\n{"a":1}\n\n\n{"a":2}\n')));
    const lines: number[] = [];
    for await (const _ of parsed) lines.push(parsed.lineNumber);
    expect(lines).toEqual([2, 5]);
  });

  it("cancels the source stream when the reader stops early", async () => {
    let cancelled = false;
    let pulls = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(encoder.encode(`{"n":${pulls}}\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const value of parseJsonl(source)) {
      expect(value).toEqual({ n: 1 });
      break;
    }
    expect(cancelled).toBe(true);
  });
});
