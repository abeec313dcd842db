/**
 * How deep a request body may nest: Python's JSON parsers, on the API's side, stop near 1,000 levels (the
 * interpreter's recursion limit), so no body deeper than this can be accepted there, and every JavaScript step after
 * it (`JSON.stringify` of a result, a log line) stays far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * True when `value` nests objects or arrays more than `limit` levels deep. It walks with a stack of its own, not by
 * recursion, so that no input can make the check itself overflow.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) {
      if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
