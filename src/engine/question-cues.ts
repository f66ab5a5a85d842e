import type { Metric } from "../kb/vocabulary.js";

/** The fixed word patterns and metric orders the answer flow consults, kept apart from the flow itself. */

/** "How big": the money, then the capacity, then the hardware. */
export const SIZE_FIRST: readonly Metric[] = ["deal-value", "capacity", "chip-count", "expansion-value", "investment", "funding-round", "spending", "debt"];

/** "Paying" and "cost" are money spent, never money invested. */
export const SPEND_FIRST: readonly Metric[] = ["deal-value", "spending", "expansion-value", "annual-value", "debt"];

/** Attempts to make the bot invent or alter figures. */
export const MANIPULATION = /\bignore (?:all |any |your |the |previous |prior |above )*(?:instructions|rules|prompt)|\bmake up\b|\binvent (?:a|some)\b|\bpretend\b|\bsystem prompt\b|\bjailbreak\b|\bact as\b|\bmade[- ]up\b|\bguess (?:a|the) (?:number|figure)\b/;

/** "Is it binding?", "has it closed?": the deal's status answers, not a figure. */
export const STATUS_WORDS_RE = /\b(?:binding|signed|final(?:i[sz]ed)?|official|confirmed|closed|done|cancel+ed|still on|happening|real)\b/;

export const WHEN = /^(?:when|whens|by when|what date|what year|which year)\b/;

export const PLAN_WORDS = /\bplan\w*\b|\baims?\b|\btargets?\b|\bambitions?\b|\bwants?\b|\bgoals?\b|\bintends?\b/;

export const REFERS_BACK = /\b(?:it|its|that|this|they|them|those|these|he|she|the deal|that deal|this deal|the agreement)\b/;

/** Metrics so specific that another figure is no answer to them: "strike price" is not "share count". */
export const PRECISE: ReadonlySet<Metric> = new Set(["share-price", "stake", "duration", "start-date", "completion-date", "announcement-date", "valuation", "market-value", "homes-equivalent", "build-rate", "cost-per-unit", "revenue", "backlog", "annual-value"]);

export const DATE_METRICS: ReadonlySet<Metric> = new Set(["start-date", "completion-date", "announcement-date", "expansion"]);

const ROLE_CUES: ReadonlyArray<[RegExp, string[]]> = [
  [/\binvest\w* in\b|\bbacked\b|\bbacking\b|\bfunded\b|\bfunding\b|\bstakes? in\b|\binvested\b/, ["investor", "acquirer"]],
  [/\brent\w*\b|\bbuy\w*\b|\bbought\b|\bleas\w*\b|\bpurchas\w*\b|\bcustomers? of\b|\bget\w* (?:\w+ )?from\b|\bfrom\??$/, ["buyer", "tenant"]],
  [/\bsuppl\w*\b|\bsell\w* to\b|\bsold to\b|\bprovid\w*\b|\bcustomers\b/, ["provider", "supplier", "landlord"]],
];

/** Which side of its deals a list question asks about: "who has Nvidia invested in" wants Nvidia as investor. */
export function rolesAsked(question: string): Set<string> | undefined {
  const q = question.toLowerCase();
  // "Who has invested in OpenAI?": the company named is the one invested in.
  if (/\bwho\b.*\binvest\w* in\b/.test(q)) return new Set(["investee"]);
  if (/\bwho\b.*\b(?:supplies|supplying|sells? to|provides? to)\b/.test(q)) return new Set(["buyer", "tenant"]);
  const hit = ROLE_CUES.find(([re]) => re.test(q));
  return hit ? new Set(hit[1]) : undefined;
}


/** "Deals over $50 billion". */
export const THRESHOLD = /\b(?:over|above|more than|bigger than|larger than|at least|exceeding)\s+(?:us)?\$?\d/;
