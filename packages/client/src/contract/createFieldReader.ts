import type { ValidationIssue } from "../errors.js";
import { boundIssue, enumIssue } from "./validationIssues.js";

const INTEGER = /^-?\d{1,16}$/;
/** The words pydantic, under FastAPI, reads as booleans, whatever their case. */
const BOOLEANS: Record<string, boolean> = {
  true: true,
  t: true,
  yes: true,
  y: true,
  on: true,
  "1": true,
  false: false,
  f: false,
  no: false,
  n: false,
  off: false,
  "0": false,
};

/** A query string or a multipart form: what a server reads fields from. */
interface FieldSource {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

/**
 * Reads the text fields of a query string (`where: "query"`) or an upload form (`"body"`) as FastAPI checks them,
 * collecting every issue (`loc: [where, name]`) instead of stopping at the first. `singles` may appear at most once.
 * Each reader returns undefined when the field is absent or refused.
 */
export function createFieldReader(where: "query" | "body", source: FieldSource, singles: readonly string[] = []) {
  const issues: ValidationIssue[] = [];
  const add = (issue: ValidationIssue) => issues.push(issue);
  for (const name of singles) {
    if (source.getAll(name).length > 1)
      add({ loc: [where, name], msg: "Expected a single value", type: "value_error" });
  }
  const text = (name: string): string | undefined => {
    const value = source.get(name);
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string") return value;
    add({ loc: [where, name], msg: "Input should be a valid string", type: "string_type" });
    return undefined;
  };
  return {
    issues,
    add,
    text,
    /** An integer of at least `min`, and at most `max` if given. */
    integer(name: string, min?: number, max?: number): number | undefined {
      const input = text(name);
      if (input === undefined) return undefined;
      const loc = [where, name];
      const value = INTEGER.test(input) ? Number(input) : Number.NaN;
      const msg = "Input should be a valid integer, unable to parse string as an integer";
      if (Number.isNaN(value)) add({ loc, msg, type: "int_parsing", input });
      else if (min !== undefined && value < min) add(boundIssue(loc, { ge: min }, input));
      else if (max !== undefined && value > max) add(boundIssue(loc, { le: max }, input));
      else return value;
      return undefined;
    },
    /** `true` or `false`. */
    boolean(name: string): boolean | undefined {
      const input = text(name);
      if (input === undefined) return undefined;
      const word = input.toLowerCase();
      if (Object.hasOwn(BOOLEANS, word)) return BOOLEANS[word];
      add({
        loc: [where, name],
        msg: "Input should be a valid boolean, unable to interpret input",
        type: "bool_parsing",
        input,
      });
      return undefined;
    },
    /** One of `allowed`; with `open`, any text. */
    oneOf<T extends string>(name: string, allowed: readonly T[], open = false): T | undefined {
      const input = text(name);
      if (input === undefined || open || allowed.includes(input as T)) return input as T | undefined;
      add(enumIssue([where, name], allowed, input));
      return undefined;
    },
    /** Every value of a repeated field (`name=a&name=b`), each one of `allowed` unless `open`. */
    list<T extends string>(name: string, allowed: readonly T[], open = false): T[] | undefined {
      const values = source.getAll(name).filter((value): value is string => typeof value === "string");
      const bad = open ? [] : values.flatMap((value, index) => (allowed.includes(value as T) ? [] : [index]));
      for (const index of bad) add(enumIssue([where, name, index], allowed, values[index]));
      return values.length > 0 && bad.length === 0 ? (values as T[]) : undefined;
    },
  };
}

/** `fields` without the ones a reader left undefined, so that a reading holds only what was sent. */
export function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
