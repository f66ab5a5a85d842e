import type { Deal, Fact } from "../../kb/types.js";

/**
 * Which part of a deal a figure is: a first phase, an addition, a second stage, the eventual whole
 * (by the figure's own wording), and the month it names. Read by scoring and by verification.
 */

const PHASE_WORDS: Readonly<Record<string, RegExp>> = {
  first: /\b(?:first|initial(?:ly)?|immediate(?:ly)?|upfront|up front|phase[- ](?:1|one|i)\b|start(?:s|ing|ed)?|begin(?:s|ning)?|opening|to begin|right away|now|at once|at the outset)\b/i,
  second: /\b(?:second|phase[- ](?:2|two|ii)\b|next)\b/i,
  added: /\b(?:additional|added|incremental|expan\w+|extra|further|increase\w*|raised|more|on top|top-?up|new|second|follow-?on|another|add-?on|remaining|remainder|rest|later)\b/i,
  eventual: /\b(?:total|combined|in all|altogether|full|whole|entire|potential|scal\w+|ultimately|eventually|long[- ]term|over time|as much as|ceiling|overall|up to|could|target\w*|goal|plans? to|planned|aims? to|intends? to|if all|commitments?)\b/i,
};

/** The figure is of the part asked for: by its own wording, or as the whole of a deal later revised ("first") or of the revision ("second"). */
export function phaseFits(phase: string, fact: Fact, deal: Deal, lower = ""): boolean {
  const whole = WHOLE_DEAL_ORDINAL.test(lower);
  return (whole && phase === "first" && deal.revisedBy.length > 0) || (whole && phase === "second" && deal.revises.length > 0) || phaseMatches(phase, fact);
}

/** "the first coreweave contract", "the second deal": an ordinal of a whole deal, not of a tranche or phase ("upfront"). */
export const WHOLE_DEAL_ORDINAL = /\b(?:first|second|1st|2nd|original|earlier|later|new(?:er)?)\s+(?:[\w.&'-]+\s+){0,2}?(?:deal|contract|agreement|lease|order|one|pact)s?\b/;

/** A fact's own wording (label, text, quote, note) shows the part of the deal asked about. */
export function phaseMatches(phase: string, fact: Fact): boolean {
  const re = PHASE_WORDS[phase];
  if (!re) return true;
  if (phase === "added" && fact.metric === "expansion-value") return true;
  if (phase === "eventual" && ["up to", "as much as", "potential", "may"].includes(fact.qualifier)) return true;
  // A label says which figure of a shared quote this is ("the May add-on" vs "the initial March contract").
  return re.test(fact.label !== undefined ? `${fact.label} ${fact.text ?? ""}` : `${fact.text ?? ""} ${fact.quote} ${fact.note ?? ""}`);
}

/** Words before a month that make it the time of another figure: "up from the July projection", "than in March". */
const COMPARED_WITH = /\b(?:from|than|since|over|after|earlier|previous|prior)\b(?:\s+(?:the|its|their|a|an|and|in|of|\w+ (?:and|or)))*(?:\s+\w+)?\s*$/;

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** The fact's own wording names one of the months ("the initial March contract", "a $4 billion add-on in May"). */
export function mentionsMonth(fact: Fact, months: readonly number[]): boolean {
  const text = (fact.label !== undefined ? `${fact.label} ${fact.text ?? ""} ${fact.scope ?? ""}` : `${fact.text ?? ""} ${fact.scope ?? ""} ${fact.quote}`).toLowerCase();
  // A month the figure is compared with ("up from the February and July projections") is not its own.
  return months.some((m) => [...text.matchAll(new RegExp(`\\b${MONTH_NAMES[m - 1]}\\b`, "g"))].some((x) => !COMPARED_WITH.test(text.slice(Math.max(0, (x.index ?? 0) - 40), x.index))));
}

/**
 * A figure labelled as one part of its deal ("the third lease", "output added by uprates", "the
 * initial tranche") where the question names no part: it yields to the deal's whole. A question
 * using the label's own part word ("that aws expansion") asks for the part.
 */
export function unaskedPart(fact: Fact, lower: string): boolean {
  if (fact.label === undefined) return false;
  const marks = [PHASE_WORDS.first!, PHASE_WORDS.second!, PHASE_WORDS.added!, /\b(?:third|fourth|fifth)\b/i]
    .map((re) => re.exec(fact.label!)?.[0]?.toLowerCase())
    .filter((w): w is string => w !== undefined);
  return marks.length > 0 && !marks.some((w) => lower.includes(w.slice(0, Math.max(4, w.length - 3))));
}
