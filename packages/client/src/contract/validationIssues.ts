import type { ValidationIssue } from "../errors.js";

/** How the shared server-side checks treat a value outside an enum the API closes. */
export interface KnownValuesOption {
  /**
   * Refuse it, as the API does (an `enum` issue, which the mock answers with a 422). Off by default, so that a
   * value the API adds later goes through a client or a proxy built today.
   */
  knownValuesOnly?: boolean;
}

/** `'a', 'b' or 'c'`, as pydantic lists the values an enum expects. */
function expected(allowed: readonly string[]): string {
  const quoted = allowed.map((value) => `'${value}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : (quoted[0] ?? "");
}

/** A value outside an enum, worded as pydantic 2 words it (our guess at the API's exact text). */
export function enumIssue(loc: Array<string | number>, allowed: readonly string[], input: unknown): ValidationIssue {
  const values = expected(allowed);
  return { loc, msg: `Input should be ${values}`, type: "enum", input, ctx: { expected: values } };
}

/** A number below `ge` or above `le`, worded as pydantic 2 words it. */
export function boundIssue(
  loc: Array<string | number>,
  bound: { ge: number } | { le: number },
  input: unknown,
): ValidationIssue {
  return "ge" in bound
    ? {
        loc,
        msg: `Input should be greater than or equal to ${bound.ge}`,
        type: "greater_than_equal",
        input,
        ctx: bound,
      }
    : { loc, msg: `Input should be less than or equal to ${bound.le}`, type: "less_than_equal", input, ctx: bound };
}
