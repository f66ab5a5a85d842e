import type { Deal, Fact } from "../../kb/types.js";
import { magnitude } from "../kb-view.js";
import { isCueWord } from "../read/cues.js";
import { lemma } from "../read/lemmas.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";

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

/** A figure that may come to be, a ceiling, or a whole and its parts: which of a deal's linked figures a question asks. */

/** A figure that may come to be, or a ceiling with every option taken: not the deal's firm figure. */
export const isPossible = (fact: Fact): boolean =>
  fact.qualifier === "potential" || fact.qualifier === "may" || (fact.qualifier === "as much as" && CEILING.test(fact.label ?? "")) || CEILING_ONLY.test(fact.label ?? "");

const CEILING = /\b(?:ceiling|maximum|max|options?|contingent|renewals?|extensions?|extended|if all|could)\b/i;

const CEILING_ONLY = /\b(?:if (?:all|they are|the leases are) (?:options|extended|renewed|exercised)|including the contingent|with (?:all )?(?:options|extensions|renewals)|not the current)\b/i;

export const labelWords = (label: string | undefined): Set<string> => new Set((label ?? "").toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 2).map((w) => lemma(w)));

/**
 * A combined figure (the $38 billion of "the Texas and Wisconsin packages") when the question names
 * some of its parts but not all ("the texas campus"): the part answers, not the whole.
 */
export function onePartAsked(index: SearchIndex, q: StructuredQuery, fact: Fact): boolean {
  if (fact.overlaps.length < 2 || /\b(?:total|combined|together|both|all|overall|altogether|sum|in all|whole)\b/.test(q.lower)) return false;
  // Overlaps run both ways: the parts are the smaller figures, not the whole this one is part of.
  const parts = fact.overlaps.map((id) => index.kb.facts.get(id)).filter((p): p is Fact => p !== undefined && p.dealId === fact.dealId && p.label !== undefined && !(magnitude(p) > magnitude(fact)));
  if (parts.length < 2) return false;
  const words = parts.map((p) => labelWords(p.label));
  // A company's name ("the softbank-led round") says which deal, not which of its parts: "the texas campus" does.
  const names = new Set(q.entities.flatMap((e) => e.text.toLowerCase().split(/[^\p{L}\d]+/u).map((w) => lemma(w))));
  // ... nor does a word of the quantity asked ("investment", "capacity"): every part of an investment is one.
  const asked = new Set(q.lemmas.filter((w) => !names.has(w) && !LABEL_NOISE.has(w) && !isCueWord(new Set([w]))));
  // A part is named by a word of its own label that not every other part's label has.
  const named = words.map((own) => [...own].some((w) => asked.has(w) && !words.every((other) => other.has(w))));
  return named.some(Boolean) && !named.every(Boolean);
}

/** A figure linked as part of a larger firm one of the same metric in its deal, none of whose own label words the question uses. */
export function partNotAsked(index: SearchIndex, q: StructuredQuery, fact: Fact): boolean {
  if (fact.label === undefined || fact.overlaps.length === 0) return false;
  const wholes = fact.overlaps.map((id) => index.kb.facts.get(id)).filter((w): w is Fact => w !== undefined && w.dealId === fact.dealId && w.metric === fact.metric && w.supersededBy === undefined && !isPossible(w) && magnitude(w) > magnitude(fact));
  if (wholes.length === 0) return false;
  // The part's own words: not its whole's, or, where the whole names all its parts ("the Texas and Wisconsin packages"), not its siblings'.
  const theirs = new Set(wholes.flatMap((w) => [...labelWords(w.label)]));
  const siblings = wholes.flatMap((w) => w.overlaps.map((id) => index.kb.facts.get(id))).filter((p): p is Fact => p !== undefined && p.id !== fact.id && p.metric === fact.metric && p.dealId === fact.dealId && !wholes.includes(p));
  const ownWord = (w: string) => !LABEL_NOISE.has(w) && (!theirs.has(w) || (siblings.length > 0 && siblings.every((p) => !labelWords(p.label).has(w))));
  const own = [...labelWords(fact.label)].filter(ownWord);
  return own.length > 0 && !own.some((w) => q.lemmas.includes(w));
}

/** Words that ask how big a deal is ("contract size", "what's it worth"): they fit any headline figure, so they tell none apart. */
export const LABEL_NOISE = new Set(["the", "and", "for", "with", "value", "deal", "of", "what", "how", "much", "size", "worth", "big", "large", "amount"].map((w) => lemma(w)));
