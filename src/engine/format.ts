import { formatPrecisionDate, parsePrecisionDate, type PrecisionDate } from "../kb/precision-date.js";
import type { Fact } from "../kb/types.js";
import { QUALIFIERS, type Currency, type Unit } from "../kb/vocabulary.js";

const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function trimNumber(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}

/** 400000 -> "400,000"; 23.28 -> "23.28" (toLocaleString is slow enough to matter at 100k facts). */
export function withCommas(n: number): string {
  const [int = "", frac] = String(Number(n.toFixed(2))).split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac ? `.${frac}` : ""}`;
}

const CURRENCY_SIGNS: Record<Currency, string> = { USD: "$", GBP: "£", EUR: "€", AUD: "A$" };

/** $38 billion, $1.4 trillion, $23.28; £22 billion with another currency sign. */
export function formatUsd(value: number, sign = "$"): string {
  const abs = Math.abs(value);
  // Three decimals, trailing zeros dropped: $3.375 billion stays what the quote says, not "$3.38 billion".
  if (abs >= 1e12) return `${sign}${trimNumber(value / 1e12, 3)} trillion`;
  if (abs >= 1e9) return `${sign}${trimNumber(value / 1e9, 3)} billion`;
  if (abs >= 1e6) return `${sign}${trimNumber(value / 1e6, 3)} million`;
  return `${sign}${withCommas(value)}`;
}

/** 400,000 / 2 million / 1.2 million */
export function formatCount(value: number): string {
  if (Math.abs(value) >= 1e9) return `${trimNumber(value / 1e9, 3)} billion`;
  if (Math.abs(value) >= 1e6) return `${trimNumber(value / 1e6, 3)} million`;
  return withCommas(value);
}

/** The value part of a figure in its unit, without qualifier. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "USD":
    case "GBP":
    case "EUR":
    case "AUD":
      return formatUsd(value, CURRENCY_SIGNS[unit]);
    case "GW":
    case "MW":
      return `${withCommas(Number(value.toFixed(3)))} ${unit}`;
    case "GW/week":
      return `${trimNumber(value, 3)} GW a week`;
    case "percent":
      return `${trimNumber(value)}%`;
    case "years":
    case "months": {
      const word = Number.isInteger(value) ? WORDS[value] : undefined;
      const singular = value === 1 ? unit.slice(0, -1) : unit;
      return `${word ?? trimNumber(value)} ${singular}`;
    }
    case "date":
    case "text":
      return trimNumber(value);
    default:
      return `${formatCount(value)} ${unit}`;
  }
}

const VAGUE_QUANTITY = /\b(?:thousands|millions|billions|hundreds|dozens|tens)$/i;

/** How a fact reads in a reply: "up to $100 billion", "hundreds of thousands of GPUs", "by the end of 2026". */
export function formatFact(fact: Pick<Fact, "value" | "unit" | "qualifier" | "text"> & { readonly date?: Fact["date"] }): string {
  if (fact.unit === "date" || fact.unit === "text" || fact.value === undefined) {
    const text = fact.text ?? "";
    // A date with no wording of its own reads at its precision: "3 November 2025", "September 2025".
    if (fact.unit === "date" && !text && fact.date !== undefined) return `${fact.qualifier === "none" ? "" : `${fact.qualifier} `}${formatPrecisionDate(fact.date)}`;
    if (fact.unit === "date" || fact.unit === "text") return text;
    if (fact.unit === "USD") return /dollar|\$/i.test(text) ? text : `${text} (USD)`;
    // "roughly 20%–35" reads "roughly 20%–35%", not "roughly 20%–35 percent".
    if (fact.unit === "percent") return /%$|percent$/.test(text) ? text : `${text}%`;
    if (new RegExp(`\\b${fact.unit}$`, "i").test(text)) return text;
    return VAGUE_QUANTITY.test(text) ? `${text} of ${fact.unit}` : `${text} ${fact.unit}`;
  }
  // A hedge written only in `text` ("exceeding 4%") must still reach the reader.
  if (fact.qualifier === "none" && fact.text !== undefined && HEDGE_IN_TEXT.test(fact.text)) return fact.text;
  const value = formatValue(fact.value, fact.unit);
  return fact.qualifier === "none" ? value : `${QUALIFIER_WORDS[fact.qualifier] ?? fact.qualifier} ${value}`;
}

/** A qualifier that is a verb reads as one before a figure: "may reach 1.5 GW", not "may 1.5 GW". */
const QUALIFIER_WORDS: Readonly<Record<string, string>> = { may: "may reach" };

const HEDGE_IN_TEXT = new RegExp(
  `\\b(?:${QUALIFIERS.filter((q) => q !== "none").map((q) => q.replace(/ /g, "\\s+")).join("|")}|between|scal\\w*\\s+to|could|might)\\b`,
  "i",
);

/** "2025-11-03" -> "3 November 2025", "2025-11" -> "November 2025", "2025" -> "2025": never more precise than the data. */
export function formatDate(date: PrecisionDate | string): string {
  if (typeof date !== "string") return formatPrecisionDate(date);
  const parsed = parsePrecisionDate(date);
  return "error" in parsed ? date : formatPrecisionDate(parsed);
}
