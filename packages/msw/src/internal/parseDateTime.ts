import { SimulatedApiError } from "../SimulatedApiError.js";

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
