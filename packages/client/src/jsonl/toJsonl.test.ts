import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../errors.js";
import { parseJsonl } from "./parseJsonl.js";
import { toJsonl } from "./toJsonl.js";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("toJsonl", () => {
  it("writes one JSON value per line, each ending in a newline", async () => {
    const values = [
      { custom_id: "0", body: { input: "é 日本" } },
      { custom_id: "1", body: {} },
    ];
    expect(await text(toJsonl(values))).toBe(
      '{"custom_id":"0","body":{"input":"é 日本"}}\n{"custom_id":"1","body":{}}\n',
    );
  });

  it("gives an empty stream for no values", async () => {
    expect(await text(toJsonl([]))).toBe("");
  });

  it("round-trips through parseJsonl from an async iterable", async () => {
    async function* values() {
      for (let i = 0; i < 5000; i++) yield { custom_id: String(i), body: { text: "x".repeat(i % 50) } };
    }
    const parsed: unknown[] = [];
    for await (const value of parseJsonl(toJsonl(values()))) parsed.push(value);
    expect(parsed).toHaveLength(5000);
    expect(parsed[4999]).toEqual({ custom_id: "4999", body: { text: "x".repeat(4999 % 50) } });
  });

  it("pulls values only as the reader asks for them", async () => {
    let produced = 0;
    function* endless() {
      for (;;) {
        produced++;
        yield { n: produced, pad: "y".repeat(1000) };
      }
    }
    const reader = toJsonl(endless()).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // One chunk of about 64 KiB, plus the stream's small read-ahead: nowhere near "everything".
    expect(produced).toBeLessThan(300);
    await reader.cancel();
  });

  it("stops the iterable when the stream is cancelled", async () => {
    let finished = false;
    function* values() {
      try {
        for (let i = 0; ; i++) yield { i, pad: "z".repeat(1000) };
      } finally {
        finished = true;
      }
    }
    const reader = toJsonl(values()).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("errors the stream on a value without a JSON form, naming its line", async () => {
    const error = await text(toJsonl([{ a: 1 }, undefined])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe("line 2");
  });
});
