import type { Deal } from "../kb/types.js";
import type { ReplyBuilder } from "./answer-model.js";
import type { Metric } from "../kb/vocabulary.js";
import { composeWho } from "./compose/collections.js";
import { quantityWords } from "./compose/decline.js";
import { composeAnnounced, composeFigure } from "./compose/figure.js";
import { specOf } from "./read/cues.js";
import { type Quantity, QUESTION_WORD } from "./read/lexicon.js";
import type { AlsoAsked, StructuredQuery } from "./read/query.js";
import { readQuestion } from "./read/read-question.js";
import { readerKnowledge } from "./reader-knowledge.js";
import { type ScoredFact, scoreFacts } from "./retrieve/score-facts.js";
import type { SearchIndex } from "./search-index.js";
import { choose } from "./verify/verify.js";

/**
 * The later parts of a question that ask another figure of the same kind ("firm value vs the
 * max", "how many MW, and the first phase?", "equity/debt split"), each answered from the deal the
 * first part was answered from: the part is read on its own words, and its figure is verified
 * like any answer. A part whose best figure is one already given, or that nothing fits, adds nothing.
 */
export function answerParts(b: ReplyBuilder, index: SearchIndex, q: StructuredQuery, deal: Deal, groups: readonly string[], given: string[]): void {
  for (const part of q.parts.slice(1)) {
    const fact = partFigure(index, q, part, deal, groups, given);
    if (fact === undefined || given.includes(fact.fact.id)) continue;
    composeFigure(b, index, fact.fact, fact.deal);
    given.push(fact.fact.id);
  }
}

/** The figure the leading part asks for, read on its own words, in the deal chosen for the whole question. */
export function leadingPart(index: SearchIndex, q: StructuredQuery, deal: Deal, groups: readonly string[]): ScoredFact | undefined {
  const lead = q.parts[0];
  return lead === undefined ? undefined : partFigure(index, q, lead, deal, groups);
}

/** A later part asks for a figure other than those already given ("phase 1 vs the whole cluster"). */
function partFigure(index: SearchIndex, q: StructuredQuery, part: string, deal: Deal, groups: readonly string[], given: readonly string[] = []): ScoredFact | undefined {
  const sub = partQuery(index, q, part);
  const { pass } = choose(index, sub, groups, scoreFacts(index, sub, [deal], groups).filter((s) => !given.includes(s.fact.id)));
  return pass !== null && pass.candidate.metricFits ? pass.candidate : undefined;
}

/** One part read on its own words, with the companies, relation and kind of the whole question. */
function partQuery(index: SearchIndex, q: StructuredQuery, part: string): StructuredQuery {
  const own = readQuestion(readerKnowledge(index), part);
  // A part with no question word of its own ("the max if they take the contingent capacity") asks the same kind of figure.
  const sameKind = own.quantity === null || own.quantity === q.quantity || part !== q.parts[0] && !QUESTION_WORD.test(part);
  return {
    ...q,
    lower: part,
    lemmas: own.lemmas,
    keywords: own.keywords,
    specifics: [],
    phase: own.phase,
    quantity: q.quantity,
    metrics: sameKind ? q.metrics : own.metrics,
    units: sameKind ? q.units : own.units,
    years: own.years.length > 0 ? own.years : q.years,
    months: own.months.length > 0 ? own.months : q.months,
    // Who pays whom was checked on the whole question; a part ("max w renewals?") restates none of it.
    relation: null,
    premise: { relation: null, actor: null, target: null, figures: [] },
    alsoAsked: [],
    parts: [],
  };
}

/** The later parts of a multi-part question that ask something else (parties, a date, another quantity), about the deal just answered. */
export function answerRest(b: ReplyBuilder, index: SearchIndex, q: StructuredQuery, deal: Deal, groups: readonly string[], given: string[], skip: AlsoAsked | null = null): void {
  for (const extra of q.alsoAsked) {
    if (extra === skip) continue;
    if (extra === "parties") composeWho(b, index, [deal], 1);
    else if (extra === "announced") composeAnnounced(b, index, deal);
    else alsoAnswer(b, index, q, extra, deal, groups, given);
  }
}

/** One further quantity of a multi-part question, about the same deal. */
function alsoAnswer(b: ReplyBuilder, index: SearchIndex, q: StructuredQuery, extra: Quantity, deal: Deal, groups: readonly string[], given: string[]): void {
  const spec = specOf(extra);
  if (!spec) return;
  // "what % does msft own, and what's it worth": the worth of the figure just given (its stake's value), where the deal has one.
  const first = index.kb.facts.get(given[0] ?? "");
  const worthOf = (extra === "value" || extra === "money") && first !== undefined ? (`${first.metric}-value` as Metric) : undefined;
  const own = worthOf !== undefined && deal.factIds.some((id) => index.kb.facts.get(id)?.metric === worthOf) ? [worthOf] : [];
  const sub: StructuredQuery = { ...q, quantity: extra, metrics: [...own, ...spec.metrics], units: spec.units ?? [], precise: spec.precise, alsoAsked: [], parts: [] };
  const { pass } = choose(index, sub, groups, scoreFacts(index, sub, [deal], groups));
  // "contracted revenue, in dollars": the second part can name the figure already given; say it once.
  if (pass && given.includes(pass.candidate.fact.id)) return;
  if (pass) {
    composeFigure(b, index, pass.candidate.fact, pass.candidate.deal);
    given.push(pass.candidate.fact.id);
  } else b.line(`I don't have ${quantityWords(sub)} for that deal in my sources.`);
}
