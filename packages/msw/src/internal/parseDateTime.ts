import { SimulatedApiError } from "../SimulatedApiError.js";

/**
 * Parses a date-time to epoch milliseconds; 422 otherwise. A number is epoch milliseconds, as every instant of the
 * simulator; text is ISO 8601, or epoch seconds as FastAPI reads a query string.
 */
export function parseDateTime(value: string | number | Date, name: string): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === "number"
        ? value
        : /^\d+(\.\d+)?$/.test(value)
          ? Number(value) * 1000
          : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw SimulatedApiError.validation([
      { loc: ["query", name], msg: "Input should be a valid datetime", type: "datetime_from_date_parsing" },
    ]);
  }
  return ms;
}
