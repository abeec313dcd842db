/** Byte helpers over plain `Uint8Array`, for code that runs where Node's `Buffer` does not. */

const encoder = new TextEncoder();
const utf8 = new TextDecoder();

/** `text` as UTF-8 bytes. */
export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** `bytes` read as UTF-8 (invalid sequences as U+FFFD). */
export function decode(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** `bytes` read one byte per character (latin1), for ASCII framing. */
export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** `a` then `b` in one array. */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}

/**
 * The first index of `needle` in `haystack`, or -1. The native `indexOf` finds each candidate first byte, so a
 * delimiter starting with a byte rare in the data (CR, in JSONL) is found at about the speed of a byte scan.
 */
export function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.byteLength - needle.byteLength;
  for (
    let at = haystack.indexOf(first as number);
    at !== -1 && at <= last;
    at = haystack.indexOf(first as number, at + 1)
  ) {
    let offset = 1;
    while (offset < needle.byteLength && haystack[at + offset] === needle[offset]) offset++;
    if (offset === needle.byteLength) return at;
  }
  return -1;
}

/** True when `bytes` starts with `prefix`. */
export function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.byteLength < prefix.byteLength) return false;
  for (let i = 0; i < prefix.byteLength; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
