import { SimulatedApiError } from "../SimulatedApiError.js";

const TRUE = new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE = new Set(["false", "0", "no", "off", "f", "n"]);

/** Parses a boolean query value as FastAPI does; 422 otherwise. */
export function parseBool(value: string, name: string): boolean {
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw SimulatedApiError.validation([
    { loc: ["query", name], msg: "Input should be a valid boolean, unable to interpret input", type: "bool_parsing" },
  ]);
}

/** Parses a date-time (ISO 8601, or epoch seconds as FastAPI allows) to epoch milliseconds; 422 otherwise. */
export function parseDateTime(value: string | number | Date, name: string): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === "number" || /^\d+(\.\d+)?$/.test(value)
        ? Number(value) * 1000
        : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw SimulatedApiError.validation([
      { loc: ["query", name], msg: "Input should be a valid datetime", type: "datetime_from_date_parsing" },
    ]);
  }
  return ms;
}
