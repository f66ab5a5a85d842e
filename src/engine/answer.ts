import type { Deal, Fact } from "../kb/types.js";
import { type Answer, type Outcome, ReplyBuilder } from "./answer-model.js";
import { composeList, composeWho, principalDeals } from "./compose/collections.js";
import { composeFailed } from "./compose/decline.js";
import { composeNoJointDeal, composeUnknownParties } from "./compose/no-deal.js";
import { composeAnnounced, composeFigure, composeStatus, composeVague, isVagueMoney } from "./compose/figure.js";
import { composeLocation } from "./compose/location.js";
import { composeFirstReport, composeHelp, composeOverview, composeQuotes, composeRefusal, composeSources } from "./compose/misc.js";
import { entityName, joinAnd } from "./compose/sentences.js";
import { type ConversationContext, EMPTY_CONTEXT, inheritQuantity, resolveFocus } from "./focus.js";
import type { AlsoAsked, StructuredQuery } from "./read/query.js";
import { readQuestion } from "./read/read-question.js";
import { type Candidates, findCandidates, type Focus } from "./retrieve/candidates.js";
import { composeInjectionFacts } from "./compose/injection.js";
import { withRoleAsked } from "./retrieve/collection-scope.js";
import { HEADLINE_METRICS, scoreFacts } from "./retrieve/score-facts.js";
import type { SearchIndex } from "./search-index.js";
import { choose } from "./verify/verify.js";
import { checkDealPremise, collectionPremiseFailure } from "./verify/deal-premise.js";
import { STANDING } from "./read/lexicon.js";
import { readerKnowledge } from "./reader-knowledge.js";
import { answerParts, answerRest, leadingPart } from "./answer-parts.js";
import { answerCompare, answerList, answerRank, answerTotal, type CollectionTurn } from "./answer-collections.js";
import { dealWords } from "./retrieve/deal-words.js";
import { pairDeals } from "./retrieve/pair-deals.js";
import { lemma } from "./read/lemmas.js";

export { type ConversationContext, EMPTY_CONTEXT } from "./focus.js";


/** "who first reported", "who broke the story", "which outlet had the scoop". */
const FIRST_REPORT = /\b(?:first report\w*|broke|break|scoop|which outlet|what outlet|which publication|what publication)\b/;

/** Longer input is cut before reading: no real question needs more, and it bounds the work. */
export const MAX_QUESTION_CHARS = 500;

export interface Turn {
  readonly answer: Answer;
  readonly context: ConversationContext;
}

/**
 * Answer one question: read it into a structured query, retrieve candidate facts, verify them
 * against every part of the query, compose. Pure: the same index, question and context give the
 * same answer.
 */
export function answerQuestion(index: SearchIndex, rawQuestion: string, context: ConversationContext = EMPTY_CONTEXT): Turn {
  const question = rawQuestion
    .replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  const read = readQuestion(readerKnowledge(index), question);
  const q = inheritQuantity(read, context);
  const b = new ReplyBuilder(index.kb);
  const run = new Turnwise(index, q, context, b);
  const outcome = run.run();
  const answer = b.build(question, outcome, q.refusal ?? q.kind);
  return { answer, context: run.nextContext(answer) };
}

class Turnwise {
  private focus: Focus = { groups: [], carried: [], years: [] };
  private answeredDeals: string[] = [];
  private givenFacts: string[] = [];

  constructor(
    private readonly index: SearchIndex,
    private readonly q: StructuredQuery,
    private readonly ctx: ConversationContext,
    private readonly b: ReplyBuilder,
  ) {}

  run(): Outcome {
    const { q, b, index } = this;
    if (q.lemmas.length === 0) {
      composeHelp(b);
      return "help";
    }
    if (q.refusal !== null) return this.refuse();
    if ((q.kind === "help" || q.kind === "greeting") && q.entities.length === 0) {
      composeHelp(b);
      return "help";
    }
    const noDeals = [...new Set(q.entities.filter((e) => !e.hasDeals && e.kind !== "person").map((e) => e.group))];
    if (q.unknownNames.length > 0 || noDeals.length > 0) {
      const known = [...new Set(q.entities.filter((e) => e.hasDeals).map((e) => e.group))];
      composeUnknownParties(b, index, q.unknownNames, noDeals, known);
      return q.premise.relation !== null && q.premise.relation !== "value" ? "corrected" : "declined";
    }
    this.focus = resolveFocus(index, q, this.ctx);
    let cands = findCandidates(index, q, this.focus);
    const global = this.focus.groups.length === 0 && cands.byName.size === 0 && this.focus.carried.length === 0;
    // "Compare the Oracle and AWS deals" names two parties with no deal together: compare is its own path.
    if (q.kind === "compare" && q.premise.figures.length === 0) return answerCompare(this.turn(), cands);
    if (cands.noJointDeal) {
      composeNoJointDeal(b, index, this.focus.groups, q);
      return q.premise.relation !== null && q.premise.relation !== "value" ? "corrected" : "declined";
    }
    const collectionPremise = collectionPremiseFailure(index, q, cands);
    if (collectionPremise) return composeFailed(b, index, q, collectionPremise, this.focus.groups);
    switch (q.kind) {
      case "sources":
        return this.sources(cands);
      case "list":
        return answerList(this.turn(), cands, global);
      case "rank":
        return answerRank(this.turn(), cands, global);
      case "total":
        return answerTotal(this.turn(), cands, global);
      case "compare":
        return answerCompare(this.turn(), cands);
      default:
        break;
    }
    if (cands.deals.length === 0) return this.nothing(global);
    const checked = checkDealPremise(index, q, cands, this.focus.groups);
    if ("failed" in checked) return composeFailed(b, index, q, checked.failed, this.focus.groups);
    cands = checked.cands;
    if (q.kind === "who") return this.who(cands);
    if (q.quantity === "location") return this.location(cands);
    if (q.kind === "status" || (q.relation === "cancel" && q.yesNo)) return this.status(cands);
    if (q.quantity === "announced" || (q.kind === "when" && q.metrics.length === 0)) return this.announced(cands);
    if (q.kind === "overview" || (q.metrics.length === 0 && q.quantity === null && q.relation === null)) return this.overview(cands);
    return this.figure(cands);
  }

  private refuse(): Outcome {
    composeRefusal(this.b, this.q);
    if (this.q.refusal === "injection") composeInjectionFacts(this.b, this.index, this.q, this.ctx);
    return "refused";
  }

  private figure(cands: Candidates, q: StructuredQuery = this.q): Outcome {
    const { b, index } = this;
    // A follow-up that points back stays on the deal just discussed.
    const pointing = q.entities.length === 0 && cands.byName.size === 0 && this.focus.carried.length > 0;
    // ... or on its revisions ("and the expansion this april" after the original contract).
    const carried = new Set(this.focus.carried.flatMap((id) => [id, ...(index.kb.deals.get(id)?.revisedBy ?? []), ...(index.kb.deals.get(id)?.revises ?? [])]));
    const deals = pointing ? cands.deals.filter((d) => carried.has(d.id)) : pairDeals(index, q, cands.deals);
    // A follow-up on a deal just discussed that was since superseded asks about it as it stood.
    const last = index.kb.deals.get(this.focus.carried[0] ?? "");
    if (pointing && last !== undefined && last.supersededBy.length > 0) q = { ...q, earlier: true };
    const subjects = new Set((this.ctx.factIds ?? []).map((id) => index.kb.facts.get(id)?.subject).filter((x): x is string => x !== undefined).map((x) => index.matcher.groupOf(x)));
    const scored = scoreFacts(index, q, deals.length > 0 ? deals : cands.deals, this.focus.groups, 25, subjects, new Set(this.focus.carried));
    const { pass: whole, tried } = choose(index, q, this.focus.groups, scored);
    // A question in parts is led by its first part's own figure, in the deal the whole question chose.
    const led = whole && leadingPart(index, q, whole.candidate.deal, this.focus.groups);
    const chosen = whole && led ? { ...whole, candidate: led } : whole;
    // A worded figure ("oltre 5 miliardi") whose dispute has a number gives way to the number; the dispute line shows both.
    const numbered = chosen && isVagueMoney(chosen.candidate.fact) ? disputedNumber(index, chosen.candidate.fact) : undefined;
    const pass = chosen && numbered ? { ...chosen, candidate: { ...chosen.candidate, fact: numbered } } : chosen;
    if (pass) {
      if (q.quantity === "statement") composeQuotes(b, index, scored.filter((s) => s.fact.metric === "statement").map((s) => s.fact));
      else if (isVagueMoney(pass.candidate.fact)) {
        composeVague(b, index, pass.candidate.fact, pass.candidate.deal);
        this.answeredDeals = [pass.candidate.deal.id];
        return "declined";
      } else composeFigure(b, index, pass.candidate.fact, pass.candidate.deal);
      this.givenFacts = [pass.candidate.fact.id];
      answerParts(b, index, q, pass.candidate.deal, this.focus.groups, this.givenFacts);
      this.answerRest(pass.candidate.deal);
      this.answeredDeals = [pass.candidate.deal.id];
      return "answered";
    }
    this.answeredDeals = [...new Set(tried.map((v) => v.candidate.deal.id))].slice(0, 2);
    return composeFailed(b, index, q, tried, this.focus.groups);
  }

  /** The later parts of a multi-part question, about the deal the first part was answered from. */
  private answerRest(deal: Deal, skip: AlsoAsked | null = null): void {
    answerRest(this.b, this.index, this.q, deal, this.focus.groups, this.givenFacts, skip);
  }

  private who_(): string {
    return joinAnd(this.focus.groups.map((g) => entityName(this.index.kb, g)));
  }

  private status(cands: Candidates): Outcome {
    const deal = cands.deals[0]!;
    const head = deal.factIds.map((id) => this.index.kb.facts.get(id)).find((f): f is Fact => f !== undefined && HEADLINE_METRICS.includes(f.metric) && f.subject === undefined);
    composeStatus(this.b, this.index, deal, head, this.q.yesNo && !/\bor\b/.test(this.q.lower), STANDING.test(this.q.lower));
    this.answerRest(deal);
    this.answeredDeals = [deal.id];
    return "answered";
  }

  private announced(cands: Candidates): Outcome {
    const deal = cands.deals[0]!;
    composeAnnounced(this.b, this.index, deal);
    this.answerRest(deal, "announced");
    this.answeredDeals = [deal.id];
    return this.b.primary.length > 0 ? "answered" : "declined";
  }

  private overview(cands: Candidates): Outcome {
    const { q, b, index } = this;
    const deals = principalDeals(index, cands.deals, this.focus.groups);
    // "what are amazons deals": a company with several deals, asked of in the plural or without a deal word, gets the list.
    if (deals.length > 1 && this.focus.groups.length === 1 && (!q.mentionsDeal || /\bdeals\b/.test(q.lower)) && cands.byName.size === 0) {
      composeList(b, index, deals, this.focus.groups);
      this.answeredDeals = deals.slice(0, 5).map((d) => d.id);
      return "answered";
    }
    composeOverview(b, index, deals[0]!);
    this.answeredDeals = [deals[0]!.id];
    return "answered";
  }

  private location(cands: Candidates): Outcome {
    // "where in michigan is the stargate site": only a deal that names every specific word of the question.
    const fits = (d: Deal) => this.q.specifics.every((w) => dealWords(this.index, d).all.has(lemma(w)));
    for (const deal of cands.deals.slice(0, 5).filter(fits).slice(0, 3)) {
      if (composeLocation(this.b, this.index, deal)) {
        this.answeredDeals = [deal.id];
        return "answered";
      }
    }
    this.b.line("My sources don't say where that is.");
    return "declined";
  }

  private who(cands: Candidates): Outcome {
    const { q } = this;
    let deals = cands.deals;
    if (q.relation === "acquire") deals = deals.filter((d) => d.type === "acquisition");
    const asked = withRoleAsked(this.index, q, deals, this.focus.groups);
    deals = asked.deals;
    const plural = asked.plural;
    if (deals.length === 0) return composeFailed(this.b, this.index, q, [], this.focus.groups);
    const shown = plural ? 8 : 3;
    composeWho(this.b, this.index, deals, shown);
    if (deals[0] !== undefined) this.answerRest(deals[0], "parties");
    this.answeredDeals = deals.slice(0, shown).map((d) => d.id);
    return "answered";
  }

  /** This turn as the collection answers see it. */
  private turn(): CollectionTurn {
    return {
      index: this.index,
      q: this.q,
      b: this.b,
      focus: this.focus,
      ctx: this.ctx,
      answered: (ids) => void (this.answeredDeals = [...ids]),
      given: (ids) => void (this.givenFacts = [...ids]),
      who: () => this.who_(),
      nothing: (global) => this.nothing(global),
      figure: (cands, q) => this.figure(cands, q),
    };
  }

  private sources(cands: Candidates): Outcome {
    const facts = (this.ctx.factIds ?? []).map((id) => this.index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
    const deals = facts.length > 0 ? [] : cands.deals.slice(0, 1);
    if (facts.length === 0 && deals.length === 0) return this.nothing(false);
    // "who first reported the meta oracle talks", "who broke the story": the report the deal record dates, if it names one.
    if (FIRST_REPORT.test(this.q.lower)) composeFirstReport(this.b, this.index, this.index.kb.deals.get(facts[0]?.dealId ?? "") ?? deals[0] ?? cands.deals[0]);
    composeSources(this.b, this.index, facts, deals);
    this.answeredDeals = facts.length > 0 ? this.ctx.dealIds.slice(0, 2) : deals.map((d) => d.id);
    return "answered";
  }

  private nothing(global: boolean): Outcome {
    const { b, q } = this;
    if (global && q.entities.length === 0 && q.quantity === null && !q.mentionsDeal && q.relation === null) {
      composeRefusal(b, { ...q, refusal: "off-topic" });
      return "declined";
    }
    b.line(this.focus.groups.length > 0 ? `I don't have that for ${this.who_()} in my sources.` : "I don't have that in my sources. Name a company or a deal, for example “How much is OpenAI's AWS deal worth?”");
    return "declined";
  }

  nextContext(answer: Answer): ConversationContext {
    const groups = this.focus.groups.length > 0 ? this.focus.groups : [...new Set(this.q.entities.filter((e) => e.hasDeals).map((e) => e.group))];
    const factIds = answer.figures.filter((f, i) => answer.primary.includes(i) && f.factId !== null).map((f) => f.factId!);
    return {
      entities: groups,
      dealIds: this.answeredDeals.length > 0 ? this.answeredDeals : this.focus.carried,
      metrics: this.q.metrics,
      quantity: this.q.quantity,
      factIds: factIds.length > 0 ? factIds : this.givenFacts,
      years: this.q.years.length > 0 ? this.q.years : this.focus.years,
    };
  }
}

function disputedNumber(index: SearchIndex, fact: Fact): Fact | undefined {
  if (fact.dispute === undefined) return undefined;
  const deal = index.kb.deals.get(fact.dealId);
  return deal?.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.dispute === fact.dispute && f.value !== undefined && f.supersededBy === undefined);
}
