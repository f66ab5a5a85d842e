import type { Deal, Fact } from "../../kb/types.js";
import type { Unit } from "../../kb/vocabulary.js";
import { factYears, isOtherBasis, magnitude } from "../kb-view.js";
import type { Relation } from "../read/lexicon.js";
import type { StructuredQuery } from "../read/query.js";
import type { ScoredFact } from "../retrieve/score-facts.js";
import type { SearchIndex } from "../search-index.js";
import { lemma } from "../read/lemmas.js";
import { STOPWORDS } from "../text.js";
import { isCommonWord } from "../../kb/common-words.js";
import { dealWords, factWordSet } from "../retrieve/deal-words.js";
import { isPossible, namedInTitle } from "../retrieve/score-facts.js";
import { mentionsMonth, phaseFits, phaseMatches } from "../retrieve/fact-parts.js";
import { EARLIER_FIGURE, periodYears } from "../read/figures-and-times.js";
import { relationFits } from "./relations.js";
import { attributionFailures, issuerFailures, ownerFailures, confirmAsked, heldElsewhere, placeFailures, dealHolds, dealHas, directionFailures, figureMatches, GIVING, hasWordLike, POWER, powerMatches, reportsUnit, shareFailures } from "./premise.js";

export { figureMatches, premiseFailures } from "./premise.js";

/**
 * Verification: a fact may be given as THE answer only if it fits every part of the query.
 * Each check names what failed, so the composer can say what is missing and offer the nearest
 * cited figures, labelled as what they are.
 */

export type Failure =
  | { readonly kind: "entity-not-party"; readonly group: string }
  | { readonly kind: "relation"; readonly relation: Relation }
  | { readonly kind: "direction"; readonly actor: string; readonly target: string }
  | { readonly kind: "quantity" }
  | { readonly kind: "year"; readonly years: readonly number[] }
  | { readonly kind: "basis" }
  | { readonly kind: "superseded" }
  | { readonly kind: "figure"; readonly stated: number; readonly unit: Unit }
  /** A specific word of the question ("hydro", "El Paso") that the deal, or the figure, never mentions. */
  | { readonly kind: "specific"; readonly word: string; readonly level: "deal" | "fact" }
  /** "How much did SoftBank put in": the figure is the whole round of several investors, or another one's part. */
  | { readonly kind: "share"; readonly group: string }
  /** The question puts the deal in a state or country its own words place elsewhere. */
  | { readonly kind: "place"; readonly stated: string; readonly actual: readonly string[] }
  /** "a warrant for 160m meta shares": the figure counts another company's shares than the question says. */
  | { readonly kind: "issuer"; readonly stated: string; readonly actual: string }
  /** "the signed meta x oracle contract": the deal is talks, a letter of intent or a press report. */
  | { readonly kind: "standing" }
  /** "a firm 27b": the figure stated is one the deal reports only as a ceiling. */
  | { readonly kind: "ceiling"; readonly fact: string }
  /** The question asks for a part of the deal (first phase, addition, whole) that this figure is not. */
  | { readonly kind: "phase" }
  /** Nothing but a loose money word ties the figure to the question, and it is not the deal's headline. */
  | { readonly kind: "weak" };

export interface Verdict {
  readonly candidate: ScoredFact;
  readonly failures: readonly Failure[];
}

/** Check one candidate fact against the query. `groups` are the entity groups the answer must involve. */
export function verifyFact(index: SearchIndex, q: StructuredQuery, groups: readonly string[], c: ScoredFact): Verdict {
  const failures: Failure[] = [];
  const { fact, deal } = c;
  for (const g of groups) if (!involves(index, deal, fact, g)) failures.push({ kind: "entity-not-party", group: g });
  if (q.metrics.length > 0 && !c.metricFits) failures.push({ kind: "quantity" });
  if (q.relation !== null && !relationFits(q.relation, deal, fact, q)) failures.push({ kind: "relation", relation: q.relation });
  failures.push(...directionFailures(index, q, deal), ...placeFailures(index, q, deal));
  const words = dealWords(index, deal);
  const own = factWordSet(index, fact);
  for (const w of q.specifics) {
    const l = lemma(w);
    if (!hasWordLike(words.all, l)) {
      if (!otherNameOfDeal(q, words, w)) failures.push({ kind: "specific", word: w, level: "deal" });
    }
    else if (!hasWordLike(words.header, l) && !hasWordLike(own, l)) failures.push({ kind: "specific", word: w, level: "fact" });
  }
  if (q.phase !== null && q.metrics.length > 0 && !phaseFits(q.phase, fact, deal, q.lower)) failures.push({ kind: "phase" });
  const timed = (q.years.length > 0 || q.months.length > 0) && ofAskedTime(fact, q);
  if ((q.years.length > 0 || q.months.length > 0) && !timed && !timeFits(index, q, deal, fact)) failures.push({ kind: "year", years: q.years });
  // A claim about when ("they deployed the 8,000 GPUs in early 2025, didn't they?") against a figure whose own words give another year.
  else if (q.yesNo && q.years.length > 0 && !ownYears(fact).some((y) => q.years.includes(y)) && ownYears(fact).length > 0) failures.push({ kind: "year", years: q.years });
  if (isOtherBasis(fact) && !basisAsked(q, own, fact, titleLemmas(deal)) && !companyFigureAsked(index, q, c)) failures.push({ kind: "basis" });
  // A figure since revised answers only a question about the earlier one, by word or by its time.
  // So does a question that names the earlier deal by its own words ("that nvidia-oai letter of intent").
  // ... but not when the figure that revised it is of that time too ("the latest 2025 capex guide": July's and October's are both 2025).
  const later = fact.supersededBy !== undefined ? index.kb.facts.get(fact.supersededBy) : undefined;
  const timedApart = timed && !(later !== undefined && ofAskedTime(later, q));
  // ... and one that names it by its own figure ("how much of the $100bn has nvidia wired").
  const namedByFigure = q.premise.figures.some((f) => f.unit === fact.unit && figureMatches(f.value, fact));
  if (fact.supersededBy !== undefined && !timedApart && q.earlier !== true && !namedByFigure && !EARLIER_FIGURE.test(q.lower) && !q.specifics.some((w) => words.header.has(lemma(w)))) failures.push({ kind: "superseded" });
  // An open question names its deal by a figure ("softbank's part of the 110b round"): the deal must
  // hold it. A yes/no question states the figure as the answer ("is it worth $38B?"): the fact must be it.
  const asksAbout = !q.yesNo && /\b(?:how (?:much|many|big|long)|what|which|when|who)\b/.test(q.lower);
  for (const stated of q.premise.figures) {
    if (asksAbout) {
      // "the 5yr google cloud commitment, how much": a term the deal never gives is a description, not a claim it contradicts.
      const describes = (stated.unit === "years" || stated.unit === "months") && !reportsUnit(index, deal, stated.unit);
      if (!describes && !dealHolds(index, deal, stated.value, stated.unit)) failures.push({ kind: "figure", stated: stated.value, unit: stated.unit });
    } else if (stated.unit === fact.unit) {
      if (!figureMatches(stated.value, fact)) failures.push({ kind: "figure", stated: stated.value, unit: stated.unit });
    } else if (POWER.has(stated.unit) && POWER.has(fact.unit)) {
      // "500 gigawatts" against 500 MW: the same scale decides, not the digits.
      if (!powerMatches(stated.value, stated.unit, fact)) failures.push({ kind: "figure", stated: stated.value, unit: stated.unit });
    } else if (stated.unit === "USD" && !dealHas(index, deal, stated.value)) failures.push({ kind: "figure", stated: stated.value, unit: stated.unit });
    // "msft owns 49% of openai?" against the stake's dollar value: the deal's own percent must be 49.
    else if (stated.unit !== "USD" && (reportsUnit(index, deal, stated.unit) ? !dealHolds(index, deal, stated.value, stated.unit) : confirmAsked(q) || heldElsewhere(index, q, deal, stated.value, stated.unit) !== undefined)) failures.push({ kind: "figure", stated: stated.value, unit: stated.unit });
  }
  failures.push(...attributionFailures(index, q, deal), ...shareFailures(index, q, deal, fact), ...ownerFailures(index, q, fact), ...issuerFailures(index, q, fact));
  if (failures.length === 0 && !strongEnough(index, q, c)) failures.push({ kind: "weak" });
  return { candidate: c, failures };
}

/**
 * "google's vizag (visakhapatnam) hub", "stargate michigan in saline twp": a word no dictionary
 * knows, beside another specific word that does name the deal, is another name for it (a nickname,
 * an abbreviation), not a detail the deal lacks.
 */
export function otherNameOfDeal(q: StructuredQuery, words: { readonly all: ReadonlySet<string>; readonly header: ReadonlySet<string> }, w: string): boolean {
  return !isCommonWord(w) && q.specifics.some((o) => o !== w && words.header.has(lemma(o)));
}

/** An estimate answers only a question about estimates; an other-scope figure only a question about that scope. */
/** The names in a deal's title (its capitalised words: parties, places), as lemmas. */
function titleLemmas(deal: Deal): ReadonlySet<string> {
  return new Set([...deal.title.matchAll(/\p{Lu}[\p{L}\d]*/gu)].map((m) => lemma(m[0].toLowerCase())));
}

/**
 * "how much does digitalbridge manage": a figure about a company named in the question, of a
 * metric asked outright, answers a question about that company (it is never the deal's value).
 */
function companyFigureAsked(index: SearchIndex, q: StructuredQuery, c: ScoredFact): boolean {
  const subject = c.fact.subject;
  return subject !== undefined && q.precise && c.metricFits && COMPANY_METRICS.has(c.fact.metric) && q.entities.some((e) => e.group === index.matcher.groupOf(subject));
}

/** Metrics that measure a company rather than a deal. */
const COMPANY_METRICS: ReadonlySet<string> = new Set(["assets-under-management", "market-value", "valuation", "share-price", "share-move"]);

function basisAsked(q: StructuredQuery, own: ReadonlySet<string>, fact: Fact, dealTitle: ReadonlySet<string>): boolean {
  if (fact.basis === "estimate") return /\bestimat\w*|\banalysts?\b|\bprojected\b|\bpotential\b/.test(q.lower);
  // The question names the scope the figure is for: "the Vineland build", "the first one from March", "IREN's whole campus".
  // Only the scope's own words count, not the names in the deal's title: "India" names the India deal, not its earlier January investment.
  const scope = `${fact.scope ?? ""} ${fact.label ?? ""}`;
  const scopeWords = new Set(scope.toLowerCase().split(/[^\p{L}\d]+/u).map((w) => lemma(w)).filter((w) => !dealTitle.has(w)));
  if ([...q.specifics, ...q.keywords].some((w) => scopeWords.has(lemma(w)))) return true;
  if (q.months.length > 0 && mentionsMonth(fact, q.months)) return true;
  if (q.phase !== null && phaseMatches(q.phase, { ...fact, quote: "", note: undefined } as Fact)) return true;
  // "…, not the whole campus": a scope the question sets aside is not asked.
  const asked = q.lower.replace(/\bnot (?:the |a |its |their )?(?:whole|entire|full|total|overall)\b[^,.?;]*/g, " ");
  return /\b(?:whole|entire|all of|overall|company|campus|total|combined)\b/.test(asked) && /\b(?:whole|entire|company|campus|total|combined|all)\b/i.test(scope);
}


/** The first candidate that passes every check, else the verdicts of the best few, for the decline. */
export function choose(index: SearchIndex, q: StructuredQuery, groups: readonly string[], scored: readonly ScoredFact[]): { pass: Verdict | null; tried: Verdict[] } {
  const tried: Verdict[] = [];
  // Once the best match is the right deal's figure but not quite the one asked (someone else's share
  // of it, or too loosely tied), the answer is in that deal or nowhere: another deal's figure that
  // happens to pass would be a confident answer to a different question.
  let onlyDeal: string | undefined;
  for (const c of scored.slice(0, 60)) {
    if (onlyDeal !== undefined && c.deal.id !== onlyDeal) continue;
    const v = verifyFact(index, q, groups, c);
    if (v.failures.length === 0) return { pass: v, tried };
    if (tried.length < 8) tried.push(v);
    if (tried.length === 1 && v.failures.every((f) => f.kind === "share" || f.kind === "weak")) onlyDeal = c.deal.id;
    // "hyperion in texas": the deal named by its own words, put in the wrong place, is corrected, not swapped for another.
    if (tried.length === 1 && v.failures.every((f) => f.kind === "place") && (namedInTitle(q, c.deal) || q.entities.some((e) => e.kind === "project") || q.specifics.some((w) => dealWords(index, c.deal).header.has(lemma(w))))) return { pass: null, tried };
  }
  return { pass: null, tried };
}

/** A deal involves a group when the group is a party, or the fact is the group's own figure. */
export function involves(index: SearchIndex, deal: Deal, fact: Fact | undefined, group: string): boolean {
  if ((index.dealShape.get(deal.id)?.partyGroups ?? []).includes(group)) return true;
  if (index.titleGroups.get(deal.id)?.has(group)) return true;
  for (const ref of [fact?.subject, fact?.speaker]) if (ref !== undefined && index.matcher.groupOf(ref) === group) return true;
  return false;
}

/** The figure is dated to the time the question names ("in dec 2024", "back in feb 2025"), or says it in its own words. */
function ofAskedTime(fact: Fact, q: StructuredQuery): boolean {
  const at = fact.asOf;
  const yearOk = q.years.length === 0 || q.years.includes(at.year) || (fact.date !== undefined && q.years.includes(fact.date.year)) || q.years.some((y) => `${fact.text ?? ""} ${fact.label ?? ""}`.includes(String(y)));
  const monthOk = q.months.length === 0 || (at.month !== undefined && q.months.includes(at.month)) || mentionsMonth(fact, q.months);
  return yearOk && monthOk;
}

/**
 * A figure not dated to the asked time still answers when nothing better is on record: no figure
 * of the same metric in the deal is of that time, and the figure is not dated to another month.
 */
function timeFits(index: SearchIndex, q: StructuredQuery, deal: Deal, fact: Fact): boolean {
  const rivals = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f !== fact && f.metric === fact.metric);
  if (rivals.some((f) => ofAskedTime(f, q))) return false;
  if (q.months.length > 0 && fact.asOf.month !== undefined && (q.years.length === 0 || q.years.includes(fact.asOf.year))) return false;
  if (q.years.length === 0 || yearFits(deal, fact, q.years)) return true;
  // "thru 2029", "2023 to 2029": a period the deal's own words bound, or a running total taken by then.
  const period = periodYears(q.lower);
  if (!q.years.every((y) => period.years.includes(y))) return false;
  const header = `${deal.title} ${deal.summary ?? ""}`;
  if (q.years.some((y) => header.includes(String(y)) || deal.factIds.some((id) => (index.kb.facts.has(id) ? factYears(index.kb.facts.get(id)!) : []).includes(y)))) return true;
  return period.upTo !== null && deal.announced.year <= period.upTo && fact.asOf.year <= period.upTo;
}

/** The years a figure's own wording names ("in Q1 2026"). */
function ownYears(fact: Fact): number[] {
  return [...`${fact.text ?? ""} ${fact.label ?? ""} ${fact.quote}`.matchAll(/\b(20[1-4]\d)\b/g)].map((m) => Number(m[1]));
}

function yearFits(deal: Deal, fact: Fact, years: readonly number[]): boolean {
  if (years.includes(deal.announced.year)) return true;
  if (factYears(fact).some((y) => years.includes(y))) return true;
  // "go live in 2026", "by the end of 2026": the year is in the figure's own wording.
  const words = `${fact.text ?? ""} ${fact.label ?? ""} ${fact.quote}`;
  return years.some((y) => words.includes(String(y)));
}


/**
 * A figure is given as the answer only when something in the question points at it: a precise
 * quantity it measures, words of its label, a month or part of the deal it names, or, for a plain
 * "how much is it worth", being the deal's own headline figure.
 */
function strongEnough(index: SearchIndex, q: StructuredQuery, c: ScoredFact): boolean {
  const { fact, deal } = c;
  if (q.precise && c.metricFits) return true;
  if (q.metrics.length === 0 && q.quantity === null) return true;
  const own = factWordSet(index, fact);
  const label = fact.label !== undefined ? new Set(fact.label.toLowerCase().split(/[^\p{L}\d]+/u).map((w) => lemma(w))) : new Set<string>();
  if ([...q.specifics, ...q.keywords].some((w) => label.has(lemma(w)))) return true;
  // A content word of the question that is also a cue ("restart", "expansion") still points at a label that uses it.
  if (q.lemmas.some((w) => w.length > 3 && !STOPWORDS.has(w) && !LOOSE_WORDS.has(w) && label.has(w))) return true;
  if (q.phase !== null || q.months.length > 0 || q.premise.figures.length > 0) return true;
  // "the equity": the question names the figure's own metric.
  if (c.metricFits && fact.metric.split("-").every((w) => q.lemmas.includes(lemma(w)))) return true;
  // "go live in 2026": the figure's own date or words carry the year asked.
  if (q.years.some((y) => fact.date?.year === y || `${fact.text ?? ""} ${fact.label ?? ""} ${fact.quote}`.includes(String(y)))) return true;
  if (fact.subject !== undefined && q.premise.actor !== null && index.matcher.groupOf(fact.subject) === q.premise.actor) return true;
  // "how much is amazon putting into openai": a named company's own money, asked of its money.
  if (fact.subject !== undefined && ((q.relation !== null && GIVING.has(q.relation)) || q.quantity === "investment") && q.entities.some((e) => e.group === index.matcher.groupOf(fact.subject!))) return true;
  // "and softbank's piece?": the figure of the company the question names as its owner.
  if (fact.subject !== undefined && q.entities.some((e) => e.group === index.matcher.groupOf(fact.subject!) && new RegExp(`${e.text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:'s|’s|s')`).test(q.lower))) return true;
  // "how much was nvda supposedly gonna put in": the earlier figure is asked, and this is the replaced figure of the metric asked.
  if (c.metricFits && fact.supersededBy !== undefined && EARLIER_FIGURE.test(q.lower)) return true;
  const head = headlineOf(index, deal, q.metrics, q.units.length === 1 ? q.units[0] : undefined);
  if (head === fact.id) return true;
  return c.metricFits && q.keywords.length === 0 && own.size > 0 && head === undefined;
}

/** Words that point at no particular figure: a label sharing only these with the question is not pointed at. */
const LOOSE_WORDS = new Set(["value", "worth", "deal", "much", "cost", "money", "price", "amount", "total", "size", "figure", "billion", "million", "trillion", "dollar", "what", "when", "will", "does", "have", "that", "this", "with", "from", "their", "they", "about", "into"]);

/** The deal's headline among the metrics asked: the first metric present, its largest current reported figure. */
function headlineOf(index: SearchIndex, deal: Deal, metrics: readonly string[], unit?: string): string | undefined {
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && !isOtherBasis(f) && f.subject === undefined);
  for (const m of metrics) {
    const all = facts.filter((f) => f.metric === m);
    // "(gbp pls)": the headline in the currency asked, where the deal reports one.
    const inUnit = all.filter((f) => f.unit === unit);
    const hits = inUnit.length > 0 ? inUnit : all;
    // On one scale: 1 GW is the headline over a 200 MW first phase; a firm figure over a possible one.
    if (hits.length > 0) return hits.sort((a, b) => Number(isPossible(a)) - Number(isPossible(b)) || magnitude(b) - magnitude(a))[0]!.id;
  }
  return undefined;
}
