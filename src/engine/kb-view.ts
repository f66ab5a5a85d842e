import type { Deal, Fact, KnowledgeBase } from "../kb/types.js";
import { METRIC_INFO, type Metric } from "../kb/vocabulary.js";

/**
 * The engine's view of facts and deals: the questions it asks of the data (whose figure, what
 * kind, how precise a date, how to name a metric), answered in one place.
 */

/** A date as stored: "2025", "2025-09" or "2025-09-03". */
export type DateText = string;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025-11-03" -> "3 November 2025"; "2025-09" -> "September 2025"; "2025" -> "2025". */
export function formatDay(date: DateText | { iso: string } | undefined): string {
  const iso = typeof date === "object" && date !== null ? date.iso : date;
  if (!iso) return "";
  const [y, m, d] = String(iso).split("-");
  if (m === undefined) return y ?? "";
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "on 3 November 2025" / "in September 2025" / "in 2025". */
export function onDay(date: DateText | { iso: string } | undefined): string {
  const text = formatDay(date);
  return /^\d{1,2} /.test(text) ? `on ${text}` : `in ${text}`;
}

export function isoOf(date: unknown): string {
  if (date === undefined || date === null) return "";
  if (typeof date === "object" && "iso" in date) return String((date as { iso: unknown }).iso);
  return String(date);
}

export function yearOfDate(date: unknown): number {
  return Number(isoOf(date).slice(0, 4)) || 0;
}

/** Years a fact speaks of: when it was reported, and the date it states. */
export function factYears(fact: Fact): number[] {
  const out = [yearOfDate(fact.asOf)];
  if (fact.date !== undefined) out.push(yearOfDate(fact.date));
  return out.filter((y) => y > 0);
}

interface FactBasis {
  readonly basis?: "reported" | "estimate" | "other-scope";
  readonly estimatedBy?: string;
  readonly scope?: string;
  readonly label?: string;
  readonly overlaps?: readonly string[];
}

const basisOf = (fact: Fact): FactBasis => fact as unknown as FactBasis;

/** An estimate or a figure at another scope: never a deal's value. */
export function isOtherBasis(fact: Fact): boolean {
  const b = basisOf(fact).basis;
  return b === "estimate" || b === "other-scope";
}

/** How the figure's basis reads: "an estimate by More Than Moore", "for IREN's whole campus". */
export function basisNote(fact: Fact): string | undefined {
  const b = basisOf(fact);
  if (b.basis === "estimate") return `an estimate${b.estimatedBy ? ` by ${b.estimatedBy}` : ""}, not a figure the parties disclosed`;
  if (b.basis === "other-scope") return `a figure for ${b.scope ?? "a wider scope"}, not for this deal alone`;
  return undefined;
}

export function factLabel(fact: Fact): string | undefined {
  return basisOf(fact).label;
}

export function overlapsOf(fact: Fact): readonly string[] {
  return basisOf(fact).overlaps ?? [];
}

/** The plain-English name of a metric: "value of the deal", never "deal-value". */
export function metricLabel(metric: Metric): string {
  return METRIC_INFO[metric]?.label ?? metric.replace(/-/g, " ");
}

/** "reported, not vetted" deals rest on tier-C pages only; the bot says so. */
export function isUnvetted(deal: Deal): boolean {
  return (deal as unknown as { sourcing?: string }).sourcing === "reported-not-vetted";
}

/**
 * The deal's status note, when it can be said as it is: a note holding an amount or an internal id
 * ("a further $100 billion (amazon-openai-2026)") is left out, since no citation stands behind it.
 */
/**
 * A deal that records one figure for itself and the deal it revised together ("combined value of the
 * first contract and the expansion"): that figure answers a total of the two.
 */
export function recordsCombined(kb: KnowledgeBase, deal: Deal): boolean {
  return deal.factIds.some((id) => /\b(?:combined|together)\b/i.test(kb.facts.get(id)?.label ?? ""));
}

export function statusNote(deal: Deal): string | undefined {
  const note = (deal as unknown as { statusNote?: string }).statusNote;
  if (note === undefined || /[$£€]\s?\d|\d+(?:\.\d+)?\s?(?:billion|million|trillion|bn|gw|mw|%)|\b[a-z]+(?:-[a-z0-9]+)+-\d{4}\b/i.test(note)) return undefined;
  return note;
}

/** The deal that supersedes this one, if any. */
export function supersededByDeal(kb: KnowledgeBase, deal: Deal): Deal | undefined {
  const id = deal.supersededBy[0];
  return id === undefined ? undefined : kb.deals.get(id);
}

export const STATUS_PHRASES: Readonly<Record<string, string>> = {
  announced: "announced",
  reported: "reported by the press but not confirmed by the companies",
  pledge: "a pledge, not a contract",
  "letter-of-intent": "a non-binding letter of intent",
  "in-talks": "still in talks, not signed",
  agreed: "agreed",
  signed: "signed",
  "under-way": "under way",
  completed: "completed",
  revised: "a deal that was later revised",
  scrapped: "scrapped",
  rejected: "rejected",
  superseded: "superseded by a later deal",
  cancelled: "cancelled",
};

/** A comparable size: GW and MW in one scale, years and months in one scale, ranges by their top. */
export function magnitude(f: Fact): number {
  const v = f.value ?? f.range?.max ?? 0;
  return f.unit === "MW" ? v / 1000 : f.unit === "months" ? v / 12 : v;
}
