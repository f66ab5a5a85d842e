import type { Metric, Unit } from "../../kb/vocabulary.js";
import type { StructuredQuery } from "./query.js";

/** The figures, months and parts of a deal a question names: read from its words, not from the data. */

const FIRST_PHASE = /\b(?:first|initial|1st|opening) (?:phase|stage|step|tranche|deployment|gigawatt|gw|wave|part|batch|building)\b|\bphase[- ]?(?:1|one|i)\b|\binitially\b|\b(?:from|on) (?:day (?:one|1)|the (?:start|outset|get-?go))\b|\b(?:to )?(?:start|begin)(?:s|ning)? with\b|\bup ?front\b/;
const MONEY = /(?<![\w.])(?:us|a)?\$?\s?(\d+(?:\.\d+)?)\s?(trillion|billion|million|tn|bn|bln|bil|bill|mn|mil|mill|t|b|m|k)\b|\$\s?(\d+(?:\.\d+)?)(?!\s?(?:gw|mw|%))/g;
const POWER = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(gw|gigawatts?|gigs?|mw|megawatts?)\b/g;
/** "10 bucks a share", "$23 per share": a price per share, however small. */
const PER_SHARE = /(?<![\w.])\$?\s?(\d+(?:\.\d+)?)\s?(?:bucks|dollars|usd)?\s+(?:a|per|each)\s+share\b/g;
const BUCKS = /(?<![\w.$])(\d+(?:\.\d+)?)\s?(?:bucks|dollars)\b(?!\s+(?:a|per|each)\s+share)/g;
const PERCENT = /(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|pct\b)/g;
const YEARS = /(?<![\w.$])(\d{1,2})[- ]?(?:years?|yrs?)\b(?!\s+(?:ago|old|later|earlier|before|after))/g;
const SCALE: Readonly<Record<string, number>> = { t: 1e12, tn: 1e12, trillion: 1e12, b: 1e9, bn: 1e9, bln: 1e9, bil: 1e9, bill: 1e9, billion: 1e9, m: 1e6, mn: 1e6, mil: 1e6, mill: 1e6, million: 1e6, k: 1e3 };

/** Figures the user wrote: money, power, percent, years and counts ("$38b", "1.4 trillion", "500 gigawatts", "51%", "a 10 year deal", "200k gpus"). */
export function statedFigures(lower: string): Array<{ value: number; unit: Unit }> {
  const out: Array<{ value: number; unit: Unit }> = [];
  for (const m of lower.matchAll(MONEY)) {
    if (m[1] !== undefined && m[2] !== undefined) {
      // "500m" could be metres and "200k gpus" is a count: only "$500m", "$200k" are money.
      if ((m[2] === "m" || m[2] === "k") && !/\$/.test(m[0])) continue;
      // ... nor "160 million openai shares": a count with its company's name between.
      if (!/\$/.test(m[0]) && /^\s*(?:[a-z0-9]+\s+)?(?:gpus?|chips?|tpus?|servers?|shares?|jobs?|homes?|acres?|units?|systems?|cpus?)\b/.test(lower.slice((m.index ?? 0) + m[0].length))) continue;
      out.push({ value: Math.round(Number(m[1]) * SCALE[m[2]]!), unit: currencyBefore(lower, m.index ?? 0) });
    } else if (m[3] !== undefined && Number(m[3]) >= 1000) out.push({ value: Number(m[3]), unit: "USD" });
  }
  for (const m of lower.matchAll(POWER)) {
    // "the capex for 1 gw", "per 1 gw": a rate's unit, not a figure claimed.
    const value = Number(m[1]!.replace(/,/g, ""));
    if (value === 1 && /\b(?:for|per|each|every|of)\s+$/.test(lower.slice(0, m.index ?? 0))) continue;
    out.push({ value, unit: m[2]!.startsWith("g") ? "GW" : "MW" });
  }
  for (const m of lower.matchAll(PERCENT)) out.push({ value: Number(m[1]), unit: "percent" });
  for (const re of [PER_SHARE, BUCKS]) for (const m of lower.matchAll(re)) if (!out.some((f) => f.unit === "USD" && f.value === Number(m[1]))) out.push({ value: Number(m[1]), unit: "USD" });
  for (const m of lower.matchAll(YEARS)) out.push({ value: Number(m[1]), unit: "years" });
  // "160m shares", "1 million tpus", "200k gpus": a count of a thing the data counts.
  for (const m of lower.matchAll(COUNT)) {
    const unit = COUNT_NOUNS[m[3]!.replace(/s$/, "")];
    const scale = m[2] === undefined ? 1 : m[2].startsWith("m") ? 1e6 : 1e3;
    if (unit !== undefined) out.push({ value: Number(m[1]!.replace(/,/g, "")) * scale, unit });
  }
  return out;
}

/** "£22bn", "€5bn", "a$25b": the currency written just before a sum; dollars where none is. */
function currencyBefore(lower: string, at: number): Unit {
  const before = lower.slice(Math.max(0, at - 3), at + 2);
  if (/£/.test(before)) return "GBP";
  if (/€/.test(before)) return "EUR";
  if (/\ba\$|\baud\s?\$?$/.test(lower.slice(Math.max(0, at - 4), at + 2))) return "AUD";
  return "USD";
}

const COUNT = /(?<![\w.$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m|mn|million|thousand)?\s+(?:[a-z0-9]+\s+)?(gpus?|tpus?|chips?|accelerators?|shares?|servers?|jobs?|homes?|acres?)\b/g;
const COUNT_NOUNS: Readonly<Record<string, Unit>> = { gpu: "GPUs", tpu: "TPUs", chip: "chips", accelerator: "accelerators", share: "shares", server: "servers", job: "jobs", home: "homes", acre: "acres" };

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const SEASONS: Readonly<Record<string, readonly number[]>> = { spring: [3, 4, 5], summer: [6, 7, 8], fall: [9, 10, 11], autumn: [9, 10, 11], winter: [12, 1, 2] };

/** Month names in the question; "may" only where it reads as the month ("in May", "May 2025"). */
export function monthsOf(lower: string): number[] {
  const out = new Set<number>();
  for (const m of lower.matchAll(/\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/g)) {
    const word = m[1]!;
    if (word === "may" && !/\b(?:in|the|from|since|of|last|this|early|late|mid) may\b|\bmay (?:20\d\d|deal|one|add|agreement|expansion|contract)/.test(lower)) continue;
    if (word === "mar" || word === "jun" || word === "jul") continue;
    out.add(MONTH_NAMES.indexOf(word.slice(0, 3)) + 1);
  }
  // "this spring", "last summer": a season is its three months (northern hemisphere, as the sources write).
  for (const m of lower.matchAll(/\b(?:this|last|in(?: the)?|early|late|mid|next|over the)[ -](spring|summer|fall|autumn|winter)\b/g)) for (const month of SEASONS[m[1]!]!) out.add(month);
  return [...out];
}

/** "how much did they tack on": an addition to a deal is measured by its added value, first. */
export function withAddition(metrics: readonly Metric[], phase: StructuredQuery["phase"]): readonly Metric[] {
  if (phase !== "added" || metrics.includes("expansion-value" as Metric) || !metrics.some((m) => MONEY_METRICS.has(m))) return metrics;
  return ["expansion-value" as Metric, ...metrics];
}

const MONEY_METRICS: ReadonlySet<string> = new Set(["deal-value", "investment", "funding-round", "spending", "capex-pledge", "tranche", "equity", "debt"]);

/** Which part of a deal a question asks about: its first stage, a later addition, a second stage, or its eventual whole. */
export function phaseOf(text: string): StructuredQuery["phase"] {
  // "the total incl phase 2", "with the first phase": a part said to be included is not the part asked.
  const lower = text.replace(/\b(?:incl(?:uding|udes?)?|plus|with|w\/?)\s+(?:the\s+)?(?:second|2nd|first|1st|initial)?\s*(?:phase|stage|tranche)[- ]?(?:\d|one|two|ii?)?\b/g, " ");
  if (FIRST_PHASE.test(lower) || /\b(?:initial(?:ly)?|upfront|up front|immediately|right away|at first|to start|1st|original(?:ly)?)\b|\bfirst (?:[\w.&'-]+ ){0,2}?(?:one|deal|contract|agreement|part|round|investment|commitment|jv|joint venture|venture|lease|loan|bond|order|tranche)s?\b/.test(lower)) return "first";
  if (/\b(?:second|2nd|phase[- ]?(?:2|two|ii))\b/.test(lower)) return "second";
  if (/\b(?:additional|added(?! up| together)|add-on|top-?up|top(?:ped|s)? (?:it |them |that )?up|upsiz\w*|tack(?:ed)? on|extra|on top|the rest|remaining|remainder|the balance)\b/.test(lower)) return "added";
  if (/\b(?:eventually|long[- ]term|ultimately|at full|full build|potential(?:ly)?|could scale|scale to|maximum|max|ceiling|in the end|target(?:ed|s)?|goal|over time|(?:with|w|w\/|incl(?:uding)?) (?:all )?(?:renewals|options|extensions)|contingent)\b/.test(lower)) return "eventual";
  return null;
}

/** Words that ask for a figure as it once stood: "originally", "back then", "did nvidia say it would". */
export const EARLIER_FIGURE = /\b(?:original|initial|first|earlier|before|old|previous|scrapped|dropped|originally|back in|back then|at first|at the time|at launch|(?:say|said|says|announce[ds]?|promise[ds]?|pledge[ds]?|plan(?:ned)?) (?:it|they|he|she) (?:would|will|was going to|were going to)|(?:was|were) (?:[\w.-]+ )?(?:\w+ly )?(?:supposed|meant|going) to|(?:was|were) (?:[\w.-]+ )?(?:\w+ly )?gonna|supposedly)\b/;

/**
 * Years that bound a period rather than date a deal: "thru 2029", "2023 to 2029", "by 2028",
 * "as of end of 2024". `upTo` is the year of "as of …", the point a running total is taken at.
 */
export function periodYears(lower: string): { readonly years: readonly number[]; readonly upTo: number | null } {
  const years = new Set<number>();
  for (const m of lower.matchAll(/\b(20[1-4]\d)\s*(?:to|-|–|thru|through|until|till)\s*(?:fy\s*)?(20[1-4]\d)\b/g)) years.add(Number(m[1])).add(Number(m[2]));
  // "2026-29": the second year written short.
  for (const m of lower.matchAll(/\b(20([1-4])\d)\s*[-–]\s*(\d{2})\b(?!\d)/g)) years.add(Number(m[1])).add(2000 + Number(m[3]));
  for (const m of lower.matchAll(/\bbetween\s+(20[1-4]\d)\s+and\s+(20[1-4]\d)\b/g)) years.add(Number(m[1])).add(Number(m[2]));
  for (const m of lower.matchAll(/\b(?:thru|through|until|till|til|to|by|as of)\s+(?:the\s+)?(?:(?:end|close|start)\s+of\s+)?(?:(?:fy|fiscal|q[1-4]|h[12])\s*)?(20[1-4]\d)\b/g)) years.add(Number(m[1]));
  const upTo = /\b(?:as of|as at|up to|until|through|thru|by)\s+(?:the\s+)?(?:end of\s+)?(20[1-4]\d)\b/.exec(lower);
  return { years: [...years], upTo: upTo && /\b(?:total|so far|to date|altogether|in all|cumulative|all told|as of)\b/.test(lower) ? Number(upTo[1]) : null };
}
