/**
 * Dates carry their precision: "2025", "2025-09" or "2025-09-14". A day is stored only when the
 * source gives one, so "September 2025" is never turned into the 30th.
 */

export type DatePrecision = "year" | "month" | "day";

export interface PrecisionDate {
  /** As written in the data: "2025", "2025-09" or "2025-09-14". */
  readonly iso: string;
  readonly precision: DatePrecision;
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  /** yyyymmdd with 00 for a missing month or day: orders dates, a year before its months. */
  readonly sortKey: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parse a precision date, or say why it is not one. */
export function parsePrecisionDate(text: string): PrecisionDate | { error: string } {
  const m = PATTERN.exec(text);
  if (!m) return { error: `must be a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD" (got ${JSON.stringify(text)})` };
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (year < 1900 || year > 2100) return { error: `year ${year} is out of range` };
  if (month !== undefined && (month < 1 || month > 12)) return { error: `"${text}" has no month ${month}` };
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return { error: `"${text}" is not a real calendar date` };
  }
  const sortKey = year * 10000 + (month ?? 0) * 100 + (day ?? 0);
  const precision: DatePrecision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  return {
    iso: text,
    precision,
    year,
    ...(month !== undefined ? { month } : {}),
    ...(day !== undefined ? { day } : {}),
    sortKey,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What YAML may hand over for a date: a string, a year parsed as a number, or (with the default YAML
 * schema) a Date for an unquoted 2025-11-03. A Date always had a day written, so it keeps day precision.
 */
export function dateInputToText(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "invalid date" : v.toISOString().slice(0, 10);
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  return v;
}

export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** "3 November 2025", "November 2025" or "2025": no more precise than the data. */
export function formatPrecisionDate(d: PrecisionDate): string {
  const month = d.month === undefined ? undefined : MONTH_NAMES[d.month - 1];
  if (month === undefined) return String(d.year);
  return d.day === undefined ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

export function compareDates(a: PrecisionDate, b: PrecisionDate): number {
  return a.sortKey - b.sortKey;
}
