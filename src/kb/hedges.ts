import { figureOffsets } from "./quote-figure.js";
import type { Qualifier, Unit } from "./vocabulary.js";

/**
 * Hedges a quote puts on a figure. A hedge is read from the words just before the figure:
 * "exceeding 4%", "above $20 billion", "some $2.5 billion" (the hedge directly precedes the number),
 * or "may scale to 1.5 gigawatts", "the potential of reaching $100 billion" (a modal word a few
 * words before it, in the same sentence). Each hedge names the qualifiers that record it.
 */

interface Hedge {
  readonly pattern: RegExp;
  readonly qualifiers: readonly Qualifier[];
}

const FLOOR: readonly Qualifier[] = ["more than", "over", "above", "exceeding"];

/** Hedges that must end right before the number (currency signs and "a"/"an" aside). */
const ADJACENT: readonly Hedge[] = [
  ...(["up to", "as much as", "about", "around", "roughly", "approximately", "some", "nearly", "almost", "close to",
    "more than", "over", "above", "exceeding", "at least", "upwards of", "less than"] as const).map((q) => ({
    pattern: new RegExp(`\\b${q.replace(/ /g, "\\s+")}$`, "i"),
    qualifiers: [q] as const,
  })),
  { pattern: /\bin\s+excess\s+of$/i, qualifiers: FLOOR },
  { pattern: /\bnorth\s+of$/i, qualifiers: FLOOR },
  { pattern: /\bas\s+many\s+as$/i, qualifiers: ["as much as", "up to"] },
  { pattern: /\bunder$/i, qualifiers: ["less than"] },
];

/** Modal hedges that reach a figure a few words later: "may scale to", "the potential of reaching". */
const NEARBY: readonly Hedge[] = [
  // Lower-case only, so the month ("in May 2025") is not read as a hedge.
  { pattern: /\bmay\b/, qualifiers: ["may", "potential", "up to"] },
  { pattern: /\bpotential(?:ly)?\b/i, qualifiers: ["potential", "may", "up to"] },
  { pattern: /\b(?:could|might)\b/i, qualifiers: ["may", "potential", "up to"] },
];

/** How many words before the figure a modal hedge can stand. */
export const NEARBY_WORDS = 4;

/** Text before a number that is part of how the number is written: "$", "US$", "£", "a". */
const NUMBER_LEAD = /(?:\s*(?:US|A|C|HK)?[$£€])?\s*$/;

/** The hedges standing before one occurrence of a figure, given the quote up to that occurrence. */
export function hedgesBefore(before: string): Hedge[] {
  const lead = before.replace(NUMBER_LEAD, "");
  const found = ADJACENT.filter((h) => h.pattern.test(lead));
  const sentence = lead.split(/[.;:!?](?:\s|$)/).pop() ?? "";
  const words = sentence.trim().split(/\s+/).filter(Boolean).slice(-NEARBY_WORDS).join(" ");
  found.push(...NEARBY.filter((h) => h.pattern.test(words)));
  return found;
}

/**
 * The reason the stored qualifier does not carry the quote's hedge, or undefined when it does.
 * A figure written flat anywhere in the quote may be stored flat; a hedged figure needs its hedge.
 */
export function hedgeProblem(fact: { value?: number | undefined; unit: Unit; qualifier: Qualifier; quote: string }): string | undefined {
  if (fact.value === undefined) return undefined;
  const offsets = figureOffsets(fact.quote, fact.value, fact.unit);
  if (offsets.length === 0) return undefined;
  const readings = offsets.map((i) => hedgesBefore(fact.quote.slice(0, i)));
  if (fact.qualifier === "none") {
    if (readings.some((hs) => hs.length === 0)) return undefined;
    const words = [...new Set(readings.flatMap((hs) => hs.map((h) => h.qualifiers[0]!)))];
    return `the quote hedges the figure ("${words.join('", "')}") but qualifier is "none"; set qualifier to the quote's hedge`;
  }
  const q = fact.qualifier;
  if (readings.some((hs) => hs.length === 0 || hs.some((h) => h.qualifiers.includes(q)))) return undefined;
  const words = [...new Set(readings.flatMap((hs) => hs.map((h) => h.qualifiers[0]!)))];
  return `the quote hedges the figure with "${words.join('", "')}", not "${q}"`;
}
