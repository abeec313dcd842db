import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MultipartError, MultipartRewriter, multipartBoundary } from "./MultipartRewriter.js";

const options = (boundary: string) => ({
  boundary,
  renameFile: (name: string) => `TAG.${name}`,
  keepFields: new Set(["purpose"]),
});

/** Serializes a FormData the way fetch does, so fixtures are what real clients send. */
async function encode(form: FormData): Promise<{ bytes: Uint8Array; boundary: string }> {
  const response = new Response(form);
  const boundary = multipartBoundary(response.headers.get("content-type"));
  if (!boundary) throw new Error("no boundary");
  return { bytes: new Uint8Array(await response.arrayBuffer()), boundary };
}

function rewrite(bytes: Uint8Array, boundary: string, cuts: number[]): Uint8Array<ArrayBuffer> {
  const rewriter = new MultipartRewriter(options(boundary));
  const out: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(bytes.length)) {
    out.push(...rewriter.push(bytes.subarray(start, cut)));
    start = cut;
  }
  rewriter.end();
  return Buffer.concat(out);
}

async function decode(bytes: Uint8Array<ArrayBuffer>, boundary: string): Promise<FormData> {
  return new Response(bytes, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` } }).formData();
}

describe("MultipartRewriter", () => {
  it("renames the file, keeps listed fields and drops the rest, however the body is cut", async () => {
    const content = `${'{"custom_id":"0","body":{}}\n'.repeat(50)}--not-a-boundary\r\n\r\n`;
    const form = new FormData();
    form.append("purpose", "batch");
    form.append("visibility", "public");
    form.append("file", new Blob([content], { type: "application/jsonl" }), 'in "quoted".jsonl');
    const { bytes, boundary } = await encode(form);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), async (cuts) => {
        const result = await decode(rewrite(bytes, boundary, cuts), boundary);
        const file = result.get("file") as File;
        expect(file.name).toBe('TAG.in "quoted".jsonl');
        expect(file.type).toBe("application/jsonl");
        expect(await file.text()).toBe(content);
        expect(result.get("purpose")).toBe("batch");
        expect(result.has("visibility")).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("passes binary content byte for byte", async () => {
    const content = new Uint8Array(70_000).map((_, index) => (index * 7919) % 256);
    const form = new FormData();
    form.append("file", new Blob([content]), "data.bin");
    const { bytes, boundary } = await encode(form);
    const result = await decode(rewrite(bytes, boundary, [1, 100, 4096, 65_536]), boundary);
    expect(new Uint8Array(await (result.get("file") as File).arrayBuffer())).toEqual(content);
  });

  it("reads RFC 5987 filenames", () => {
    const body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''na%C3%AFve.jsonl\r\n\r\nx\r\n--b--\r\n";
    const out = Buffer.concat(new MultipartRewriter(options("b")).push(Buffer.from(body))).toString();
    expect(out).toContain('filename="TAG.naïve.jsonl"');
  });

  it.each([
    [
      "no closing boundary",
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nx',
      /ended before/,
    ],
    ["no file part", '--b\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--b--\r\n', /no file part/],
    [
      "two file parts",
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="b"\r\n\r\ny\r\n--b--\r\n',
      /more than one file/,
    ],
    [
      "a file without a name",
      '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--b--\r\n',
      /needs a filename/,
    ],
    ["a part without a name", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n", /no form-data name/],
    ["a bad boundary line", "--bX\r\n", /Malformed/],
    ["huge part headers", `--b\r\nX-Pad: ${"a".repeat(20_000)}`, /too large/],
  ])("rejects %s", (_, body, message) => {
    const rewriter = new MultipartRewriter(options("b"));
    expect(() => {
      rewriter.push(Buffer.from(body));
      rewriter.end();
    }).toThrow(MultipartError);
    expect(() => {
      const again = new MultipartRewriter(options("b"));
      again.push(Buffer.from(body));
      again.end();
    }).toThrow(message);
  });
});

describe("multipartBoundary", () => {
  it.each([
    ["multipart/form-data; boundary=abc", "abc"],
    ['multipart/form-data; boundary="a b:c"', "a b:c"],
    ["Multipart/Form-Data;boundary=x", "x"],
    ["multipart/form-data", null],
    ["multipart/mixed; boundary=abc", null],
    ["application/json", null],
    [null, null],
    [`multipart/form-data; boundary=${"a".repeat(71)}`, null],
  ])("%s -> %s", (header, expected) => {
    expect(multipartBoundary(header)).toBe(expected);
  });
});
