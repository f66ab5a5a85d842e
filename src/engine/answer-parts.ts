import type { Deal } from "../kb/types.js";
import type { ReplyBuilder } from "./answer-model.js";
import { composeFigure } from "./compose/figure.js";
import type { StructuredQuery } from "./read/query.js";
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
  const sameKind = own.quantity === null || own.quantity === q.quantity || part !== q.parts[0] && !/\b(?:how|what|whats|when|which|who|whos|where|why)\b/.test(part);
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
