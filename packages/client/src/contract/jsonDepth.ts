/**
 * How deep a JSON document (a request body, a line of an input file, an answer) may nest arrays and objects: the
 * API's parser (Python's) stops near 1,000 levels, its recursion limit, so nothing deeper could be accepted there;
 * and JSON.stringify, like every walk of a value, runs out of stack past 4,000 or so. The client, the mock and the
 * proxy all hold documents to it.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * True when `value` nests arrays and objects more than `maxDepth` levels deep (`{}` is one level). It walks with a
 * stack of its own, not by recursion, so that no input can make the check itself overflow.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== "object" || item === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item)) {
      if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * True when JSON `text` nests arrays and objects deeper than `maxDepth`: `nestsDeeperThan` before the parse. One
 * scan of the text that jumps over strings, so it costs less than the parse it guards (a 1 KB job in about a
 * microsecond); on text that is not JSON its answer means nothing.
 */
export function jsonTextNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = closingQuote(text, i);
      if (i === -1) return false;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** The index of the quote that closes the string opening at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1 && isEscaped(text, quote)) quote = text.indexOf('"', quote + 1);
  return quote;
}

/** A quote is escaped when an odd number of backslashes stands before it. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(index - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
