import type { Deal, Fact } from "../kb/types.js";
import type { Metric } from "../kb/vocabulary.js";
import { type Answer, ReplyBuilder } from "./answer-model.js";
import { composeDealMetric, composeOverview, composeStanding, composeStatus, composeSubjectFacts } from "./compose-figure.js";
import { composeCompare, composeList, composeRanking, composeTotal } from "./compose-lists.js";
import { composeHelp, composeOffTopic, composeQuotes, composeSources, composeUnknown, EXAMPLE_QUESTIONS, suggestDeals } from "./compose-misc.js";
import type { EntityMention } from "./entity-matcher.js";
import { formatDate } from "./format.js";
import { type Intent, parseIntent } from "./intent.js";
import { entityName, theDeal } from "./phrases.js";
import { DATE_METRICS, THRESHOLD, MANIPULATION, PLAN_WORDS, PRECISE, REFERS_BACK, rolesAsked, SIZE_FIRST, SPEND_FIRST, STATUS_WORDS_RE, WHEN } from "./question-cues.js";
import { compareTargets } from "./compare-targets.js";
import { unknownNames } from "./unknown-names.js";
import { lexicalScores, scoreFacts } from "./fact-scoring.js";
import { moneyMentions } from "./text.js";
import { contentWords, dealKeywords, dealsWithAll, factsOf, headlineFacts, keywordDeals, MONEY_METRICS, rankDeals, SUBJECT_METRICS } from "./retrieve.js";
import type { SearchIndex } from "./search-index.js";

/** What a conversation remembers between turns. The caller keeps it and passes it back. */
export interface ConversationContext {
  readonly entities: readonly string[];
  readonly dealIds: readonly string[];
  readonly metrics: readonly Metric[];
}

export const EMPTY_CONTEXT: ConversationContext = { entities: [], dealIds: [], metrics: [] };

/** Longer input is cut before parsing: no real question needs more, and it bounds the work. */
export const MAX_QUESTION_CHARS = 500;

export interface Turn {
  readonly answer: Answer;
  readonly context: ConversationContext;
}

/** Answer one question. Pure: the same index, question and context give the same answer. */
export function answerQuestion(index: SearchIndex, rawQuestion: string, context: ConversationContext = EMPTY_CONTEXT): Turn {
  // Discord mention markup and @everyone/@here carry no meaning for the question.
  const question = rawQuestion
    .replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  return new Turnwise(index, question, context).run();
}

class Turnwise {
  private readonly b: ReplyBuilder;
  private readonly intent: Intent;
  private mentions: EntityMention[];
  private groups: string[];
  private metrics: Metric[];
  private readonly keywordHits: Map<string, number>;
  private answeredDeals: string[] = [];

  constructor(private readonly index: SearchIndex, private readonly question: string, private readonly ctx: ConversationContext) {
    this.b = new ReplyBuilder(index.kb);
    this.intent = parseIntent(question);
    this.mentions = index.matcher.recognise(question);
    this.groups = unique(this.mentions.map((m) => m.group));
    this.metrics = [...this.intent.metrics];
    this.keywordHits = keywordDeals(index, dealKeywords(this.intent.tokens, this.mentions, index));
    for (const value of moneyMentions(question)) {
      const deals = index.dealsByValue.get(value);
      if (deals && deals.size <= 5) for (const d of deals) this.keywordHits.set(d, (this.keywordHits.get(d) ?? 0) + 1);
    }
  }

  run(): Turn {
    const { kind } = this.intent;
    if (kind === "empty") {
      this.b.line("Ask me about an AI or cloud infrastructure deal.");
      composeHelp(this.b);
      return this.finish(false, "empty");
    }
    // "What do you know about Microsoft and OpenAI?" is about them, not about the bot.
    if (kind === "help" && this.mentions.length > 0) return this.figure(this.inheritContext());
    if (kind === "help" || kind === "greeting") {
      composeHelp(this.b);
      return this.finish(kind === "help", kind);
    }
    if (MANIPULATION.test(this.question.toLowerCase())) {
      this.b.line("I only give figures from my cited sources, and I can't change, invent or estimate them.");
      this.b.line(`Ask me about a deal instead, for example “${EXAMPLE_QUESTIONS[0]}”`);
      return this.finish(false, "unknown");
    }
    const strangers = unknownNames(this.index, this.question, this.mentions);
    if (strangers.length > 0 && kind !== "sources") return this.strangers(strangers);
    const inherited = this.inheritContext();
    const datedList = /\b(?:announced|signed|struck)\b.*\b20[0-3]\d\b/.test(this.question.toLowerCase()) && kind === "list";
    if ((this.intent.recent || datedList) && this.groups.length === 0) return this.byDate();
    const threshold = THRESHOLD.test(this.question.toLowerCase()) ? moneyMentions(this.question)[0] : undefined;
    if (threshold !== undefined && this.groups.length === 0) return this.overThreshold(threshold);
    switch (kind) {
      case "sources":
        return this.sources(inherited);
      case "list":
        return this.list();
      case "total":
        return this.total();
      case "ranking":
        return this.ranking(inherited);
      case "compare":
        return this.compare(inherited);
      case "quote":
        return this.quotes(inherited);
      default:
        return this.figure(inherited);
    }
  }

  /**
   * Follow-ups: "and AMD?" keeps the last question's metric and pairs AMD with the last company;
   * "what about the chips?" keeps the last deal.
   */
  private inheritContext(): Deal[] {
    const { ctx, intent } = this;
    const shortQuestion = intent.tokens.length <= 5;
    const pointsBack = intent.followUp || REFERS_BACK.test(intent.tokens.join(" "));
    if (this.mentions.length === 0 && (this.keywordHits.size === 0 || pointsBack) && ctx.dealIds.length > 0) {
      if (this.metrics.length === 0 && !pointsBack && intent.tokens.length > 3) return [];
      this.mentions = ctx.entities.map((id, position) => ({ entityId: id, group: this.index.matcher.groupOf(id), position, exact: true, text: "" }));
      this.groups = unique(this.mentions.map((m) => m.group));
      // The deals talked about, then the deals that later revised them ("over how many years?" of an expanded deal).
      const talked = this.toDeals(ctx.dealIds);
      const revisions = this.toDeals(talked.flatMap((d) => d.revisedBy));
      const all = unique([...talked, ...revisions]);
      return this.keywordHits.size > 0 ? rankDeals(this.index, all.map((d) => d.id), this.mentions, this.keywordHits) : all;
    }
    if (this.mentions.length > 0 && this.metrics.length === 0 && (intent.followUp || shortQuestion) && ctx.metrics.length > 0) {
      this.metrics = [...ctx.metrics];
      for (const prev of ctx.entities) {
        const g = this.index.matcher.groupOf(prev);
        if (this.groups.includes(g)) continue;
        if (dealsWithAll(this.index, [g, ...this.groups]).length > 0) {
          this.groups = [g, ...this.groups];
          this.mentions = [{ entityId: prev, group: g, position: -1, exact: true, text: "" }, ...this.mentions];
          break;
        }
      }
    }
    return [];
  }

  private toDeals(ids: readonly string[]): Deal[] {
    return ids.map((id) => this.index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
  }

  /** Deals matching the named companies and deal-name keywords, best first. */
  private candidates(): Deal[] {
    let ids = dealsWithAll(this.index, this.groups);
    if (ids.length === 0 && this.groups.length > 2) ids = dealsWithAll(this.index, this.groups.slice(0, 2));
    if (this.keywordHits.size > 0) {
      const both = ids.filter((id) => this.keywordHits.has(id));
      if (both.length > 0) ids = both;
      else if (this.groups.length === 0) ids = [...this.keywordHits.keys()];
    }
    const ranked = rankDeals(this.index, ids, this.mentions, this.keywordHits);
    // A short follow-up naming a party of the deal just discussed ("how much is Nvidia putting in") stays on it.
    const recent = new Set(this.ctx.dealIds.slice(0, 2));
    const stay = this.intent.tokens.length <= 8 && this.keywordHits.size === 0 ? ranked.filter((d) => recent.has(d.id)) : [];
    // "What does OpenAI plan to spend" is about its stated plan.
    const plans = PLAN_WORDS.test(this.question.toLowerCase()) ? ranked.filter((d) => d.type === "plan") : [];
    return unique([...plans, ...stay, ...ranked]);
  }

  private figure(inherited: Deal[]): Turn {
    const { intent } = this;
    let memo: Deal[] | undefined;
    const dealsNow = () => (memo ??= inherited.length > 0 ? inherited : this.candidates());

    const subjectMetrics = this.subjectMetricsAsked();
    if (subjectMetrics.length > 0) {
      for (const metric of subjectMetrics) {
        const facts = this.subjectFacts(metric, dealsNow);
        if (facts.length > 0) {
          composeSubjectFacts(this.b, this.index, facts, metric);
          this.answeredDeals = unique(facts.map((f) => f.dealId));
          this.metrics = [metric];
          return this.finish(true, "figure");
        }
      }
    }

    const deals = dealsNow();
    if (deals.length === 0) return this.nothingFound();

    if (intent.yesNo && STATUS_WORDS_RE.test(this.question.toLowerCase())) {
      composeStatus(this.b, deals[0]!);
      // With the headline figure, and whatever later replaced it.
      const headline = headlineFacts(this.index, deals[0]!.id, MONEY_METRICS)[0];
      if (headline) composeDealMetric(this.b, this.index, deals[0]!, headline.metric, false, headline.id, this.groups);
      composeStanding(this.b, this.index, deals[0]!, headline?.metric, false);
      this.answeredDeals = [deals[0]!.id];
      return this.finish(true, "figure");
    }
    const keywords = contentWords(this.intent.tokens, this.mentions, this.index);
    if (this.metrics.length === 0 && !intent.moneyAsked && (keywords.length === 0 || intent.units.size === 0 && !this.hasLexicalHit(deals, keywords))) {
      const aboutProject = this.mentions.some((m) => this.index.kb.entities.get(m.entityId)?.kind === "project");
      if (this.groups.length === 1 && !aboutProject && (!intent.mentionsDeal || /\b(?:deals|agreements|contracts)\b/.test(this.question.toLowerCase())) && this.keywordHits.size === 0 && deals.length > 1) {
        composeList(this.b, this.index, deals, this.groups);
        this.answeredDeals = deals.map((d) => d.id);
        return this.finish(true, "list");
      }
      composeOverview(this.b, this.index, deals[0]!);
      this.answeredDeals = [deals[0]!.id];
      return this.finish(true, "figure");
    }

    // "What's that worth?" asks the worth of what was just discussed, not a deal value.
    const valueNamed = intent.valueAsked && !REFERS_BACK.test(intent.tokens.join(" "));
    const explicit = this.metrics.filter((m) => !(intent.genericMoney && !valueNamed && m === "deal-value"));
    const scored = scoreFacts(this.index, {
      deals,
      explicit,
      fallback: intent.sizeAsked
        ? SIZE_FIRST
        : intent.moneyAsked || intent.genericMoney || explicit.includes("spending")
          ? intent.spendAsked
            ? SPEND_FIRST
            : MONEY_METRICS
          : [],
      units: intent.units,
      keywords,
      groups: this.groups,
      entities: this.mentions.map((m) => m.entityId),
      extraFacts: this.groups.flatMap((g) => this.index.factsBySubject.get(g) ?? []).slice(0, 200),
      previous: inherited.length > 0 || REFERS_BACK.test(intent.tokens.join(" ")) ? this.ctx.metrics : [],
      previousWeight: explicit.length === 0 && (intent.followUp || REFERS_BACK.test(intent.tokens.join(" "))) ? 2 : 0.8,
      lexicalWeight: intent.yesNo ? 3.5 : 2.5,
      explicitWeight: intent.yesNo && keywords.length > 0 ? 1.5 : 3,
      yesNo: intent.yesNo,
      when: WHEN.test(this.question.toLowerCase()),
    });
    const best = scored[0];
    const first = explicit[0];
    // A figure the question did not name only answers it when the fact's own words match the question's.
    const whenQuestion = WHEN.test(this.question.toLowerCase());
    const strong =
      best !== undefined &&
      (best.explicitRank >= 0 || best.related || (explicit.length === 0 ? best.score >= 1.9 : best.lexical >= 0.99) || (whenQuestion && best.fact.unit === "date")) &&
      !(intent.strongMoney && explicit.length === 0 && best.fact.unit !== "USD" && !MONEY_METRICS.includes(best.fact.metric));
    if (!best || !strong || (first !== undefined && PRECISE.has(first) && best.explicitRank !== 0 && !(DATE_METRICS.has(first) && best.fact.unit === "date" && best.explicitRank > 0))) {
      if (first === "announcement-date" || (explicit.length === 0 && intent.units.has("date"))) return this.announced(deals[0]!);
      const label = (first ?? "deal-value").replace(/-/g, " ");
      composeUnknown(this.b, this.index, this.question, this.groups, deals[0], label);
      this.answeredDeals = [deals[0]!.id];
      return this.finish(false, "unknown", deals.slice(0, 5).map((d) => d.title));
    }
    const deal = this.index.kb.deals.get(best.fact.dealId)!;
    const metric = best.fact.metric;
    composeDealMetric(this.b, this.index, deal, metric, intent.yesNo, best.fact.id, this.groups);
    // "How much compute, and over how many years?": the other metrics named, from the same deal.
    if (/\band\b/.test(this.question.toLowerCase())) {
      for (const other of explicit.filter((m) => m !== metric).slice(0, 2)) {
        if (factsOf(this.index, deal.id, other).length > 0) composeDealMetric(this.b, this.index, deal, other, false, undefined, this.groups);
      }
    }
    composeStanding(this.b, this.index, deal, metric);
    if (this.groups.length >= 2 && !DATE_METRICS.has(metric)) {
      this.alsoIn(deals.filter((d) => d !== deal && !deal.revisedBy.includes(d.id) && !d.revises.includes(deal.id)), metric);
    }
    this.answeredDeals = [deal.id];
    this.metrics = [metric];
    return this.finish(true, "figure");
  }

  private hasLexicalHit(deals: readonly Deal[], keywords: readonly string[]): boolean {
    const ids = new Set(deals.slice(0, 12).flatMap((d) => d.factIds));
    const facts = [...ids].map((id) => this.index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
    return lexicalScores(this.index, facts, keywords).size > 0;
  }

  private subjectMetricsAsked(): Metric[] {
    const asked = this.metrics.filter((m) => SUBJECT_METRICS.has(m) && m !== "statement" && !(m === "stake" && this.groups.length >= 2));
    const companyOnly =
      this.groups.length === 1 && !this.intent.mentionsDeal && this.keywordHits.size === 0 && this.mentions.every((m) => this.index.kb.entities.get(m.entityId)?.kind === "company");
    if (this.intent.genericMoney && companyOnly) asked.push("valuation", "market-value");
    // "What was Amazon worth after the OpenAI deal news?": the company right before "worth" is valued.
    const worthOf = /\b(?:is|was|are|were)\s+([\p{L}][\p{L}.]*)\s+(?:now\s+|really\s+)?worth\b/u.exec(this.question.toLowerCase())?.[1];
    const valued = worthOf ? this.mentions.find((m) => m.text === worthOf && this.index.kb.entities.get(m.entityId)?.kind === "company") : undefined;
    if (valued && !companyOnly) {
      this.groups = [valued.group, ...this.groups.filter((g) => g !== valued.group)];
      asked.push("market-value", "valuation");
    }
    return asked;
  }

  private subjectFacts(metric: Metric, dealsNow: () => readonly Deal[]): Fact[] {
    const kb = this.index.kb;
    const bySubject = this.groups.flatMap((g) => this.index.factsBySubject.get(g) ?? []);
    const facts = bySubject.map((id) => kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.metric === metric);
    if (this.groups.length < 2 && facts.length > 0) return unique(facts);
    const inDeals = dealsNow()
      .flatMap((d) => factsOf(this.index, d.id, metric))
      .filter((f) => f.subject === undefined || this.groups.includes(this.index.matcher.groupOf(f.subject)));
    // A stake asked between two companies ("Microsoft's stake in OpenAI") lives in their shared deal.
    const scoped = this.groups.length >= 2 ? inDeals : facts.length > 0 ? facts : inDeals;
    return unique(scoped);
  }

  private announced(deal: Deal): Turn {
    const facts = factsOf(this.index, deal.id);
    const evidence = [...facts].sort((a, c) => (this.sourceDate(a) ?? 0) - (this.sourceDate(c) ?? 0))[0];
    if (!evidence) return this.nothingFound();
    this.b.line(`${theDeal(deal).replace(/^t/, "T")} was announced on `, this.b.dated("announcement-date", formatDate(deal.announced), deal.id, evidence), ".");
    this.answeredDeals = [deal.id];
    return this.finish(true, "figure");
  }

  private sourceDate(f: Fact): number | undefined {
    return this.index.kb.sources.get(f.source)?.published?.sortKey;
  }

  /** Other deals of the same companies that also carry the metric, in one short line. */
  private alsoIn(others: readonly Deal[], metric: Metric): void {
    const withFigure = others
      .filter((d) => this.groups.every((g) => this.index.titleGroups.get(d.id)?.has(g)))
      .map((d) => ({ d, facts: factsOf(this.index, d.id, metric).filter((f) => f.supersededBy === undefined && f.subject === undefined) }))
      .filter((x) => x.facts.length > 0)
      .slice(0, 2);
    if (withFigure.length === 0) return;
    const parts = withFigure.flatMap(({ d, facts }, i) => [i > 0 ? "; " : "", d.title, ": ", ...this.b.figure([facts[0]!])]);
    this.b.line("Also: ", ...parts, ".");
  }

  private nothingFound(): Turn {
    const fallback = this.factSearchFallback();
    if (fallback) {
      const deal = this.index.kb.deals.get(fallback.dealId)!;
      composeDealMetric(this.b, this.index, deal, fallback.metric, this.intent.yesNo);
      this.answeredDeals = [deal.id];
      this.metrics = [fallback.metric];
      return this.finish(true, "figure");
    }
    const known = this.groups.length > 0 || this.metrics.length > 0;
    const suggestions = known
      ? composeUnknown(this.b, this.index, this.question, this.groups)
      : composeOffTopic(this.b, this.index);
    return this.finish(false, "unknown", suggestions);
  }

  /** With no company named, accept a fact only when several distinctive words of the question match it. */
  private factSearchFallback(): Fact | undefined {
    if (this.groups.length > 0) return undefined;
    const wanted = new Set(this.metrics);
    const results = this.index.factSearch.search(this.question, {
      fuzzy: false,
      prefix: false,
      filter: (r) => wanted.size === 0 || wanted.has(this.index.kb.facts.get(String(r.id))?.metric as Metric),
    });
    const top = results[0];
    if (!top || new Set(top.queryTerms).size < 2 || !top.queryTerms.some((t) => /\d/.test(t) || t.length >= 5)) return undefined;
    return this.index.kb.facts.get(String(top.id));
  }

  private scopedDeals(ignoreTypes = false): Deal[] {
    // With no company or name to rank by, the precomputed order by size is the ranking.
    const deals =
      this.groups.length === 0 && this.keywordHits.size === 0
        ? this.toDeals(this.index.dealsByHeadline)
        : rankDeals(this.index, this.groups.length > 0 ? dealsWithAll(this.index, this.groups) : [...this.index.kb.deals.keys()], this.mentions, this.keywordHits);
    const types = new Set(ignoreTypes ? [] : this.intent.dealTypes);
    const filtered = types.size > 0 ? deals.filter((d) => types.has(d.type)) : deals;
    return (filtered.length > 0 ? filtered : deals).filter((d) => d.type !== "market-event");
  }

  private list(): Turn {
    if (this.groups.length === 0 && this.keywordHits.size > 0) {
      const deals = rankDeals(this.index, [...this.keywordHits.keys()], [], this.keywordHits);
      composeList(this.b, this.index, deals, []);
      this.answeredDeals = deals.map((d) => d.id);
      return this.finish(true, "list");
    }
    const roles = rolesAsked(this.question);
    const scoped = this.scopedDeals(roles !== undefined).filter((d) => d.type !== "plan");
    const byRole = roles ? scoped.filter((d) => d.parties.some((p) => roles.has(p.role) && this.groups.includes(this.index.matcher.groupOf(p.entity)))) : scoped;
    const deals = byRole.length > 0 ? byRole : scoped;
    if (deals.length === 0) return this.nothingFound();
    composeList(this.b, this.index, deals, this.groups);
    this.answeredDeals = deals.map((d) => d.id);
    return this.finish(true, "list");
  }

  private total(): Turn {
    const only = this.mentions.length === 1 ? this.index.kb.entities.get(this.mentions[0]!.entityId) : undefined;
    // "Stargate's total GW" asks for the project's own figure, not a sum.
    if (only?.kind === "project") return this.figure([]);
    if (this.groups.length >= 3 || (this.groups.length === 2 && dealsWithAll(this.index, this.groups).length === 0)) {
      // "OpenAI's Oracle and CoreWeave contracts added up": one deal per company named.
      const deals = this.compareTargets([]);
      if (deals.length >= 2 && composeTotal(this.b, this.index, deals, [], this.metrics)) {
        this.answeredDeals = deals.map((d) => d.id);
        return this.finish(true, "total");
      }
    }
    const roles = this.metrics.includes("investment")
      ? new Set(["investor", "acquirer"])
      : this.metrics.includes("spending")
        ? new Set(["buyer", "tenant", "acquirer", "borrower"])
        : undefined;
    const plansToo = (this.groups.length === 1 ? this.groups : []).flatMap((g) => this.index.dealsByGroup.get(g) ?? []).filter((id) => this.index.kb.deals.get(id)?.type === "plan");
    const scoped = unique([...this.toDeals(plansToo), ...this.scopedDeals()]);
    const deals = scoped.filter(
      (d) => !roles || d.type === "plan" || this.groups.length === 0 || d.parties.some((p) => roles.has(p.role) && this.groups.includes(this.index.matcher.groupOf(p.entity))),
    );
    if (!composeTotal(this.b, this.index, deals, this.groups, this.metrics)) return this.nothingFound();
    this.answeredDeals = [...deals.filter((d) => d.type === "plan"), ...deals.filter((d) => d.type !== "plan")].map((d) => d.id);
    return this.finish(true, "total");
  }

  private ranking(inherited: Deal[]): Turn {
    // "Which of these is biggest?": the deals of the conversation, by what was being asked about.
    if (inherited.length >= 2 && REFERS_BACK.test(this.intent.tokens.join(" "))) {
      const measure = this.ctx.metrics.find((m) => m === "capacity" || m === "chip-count");
      if (!composeRanking(this.b, this.index, inherited, measure ? [measure, ...this.metrics] : this.metrics, this.intent.ascending)) return this.nothingFound();
      this.answeredDeals = inherited.map((d) => d.id);
      return this.finish(true, "ranking");
    }
    const deals = this.scopedDeals();
    const bySize = this.groups.length === 0 && this.keywordHits.size === 0 && this.intent.dealTypes.length === 0;
    if (!composeRanking(this.b, this.index, deals, this.metrics, this.intent.ascending, bySize)) return this.nothingFound();
    this.answeredDeals = deals.slice(0, 5).map((d) => d.id);
    return this.finish(true, "ranking");
  }

  /** "What's the newest deal?", "deals announced in 2026": by announcement date. */
  private byDate(): Turn {
    const years = (this.question.match(/\b20[0-3]\d\b/g) ?? []).map(String);
    const oldestFirst = /\b(?:oldest|earliest|first)\b/.test(this.question.toLowerCase());
    const deals = [...this.index.kb.deals.values()]
      .filter((d) => d.type !== "market-event" && d.type !== "plan" && (years.length === 0 || years.includes(String(d.announced.year))))
      .sort((a, b) => (b.announced.sortKey - a.announced.sortKey) * (oldestFirst ? -1 : 1))
      .slice(0, years.length > 0 ? 12 : 5);
    if (deals.length === 0) return this.nothingFound();
    this.b.line(years.length > 0 ? `Deals announced in ${years.join(" or ")}:` : oldestFirst ? "The earliest deals in my data:" : "The most recent deals in my data:");
    for (const deal of deals) {
      const evidence = factsOf(this.index, deal.id)[0];
      if (evidence) this.b.line("• ", deal.title, ", announced ", this.b.dated("announcement-date", formatDate(deal.announced), deal.id, evidence));
    }
    this.answeredDeals = deals.map((d) => d.id);
    return this.finish(true, "list");
  }

  /** "Deals over $50 billion": every deal whose headline figure clears the bar, largest first. */
  private overThreshold(value: number): Turn {
    const ids = this.index.dealsByHeadline.filter((id) => (this.index.headline.get(id) ?? 0) >= value);
    if (ids.length === 0) return this.nothingFound();
    composeRanking(this.b, this.index, this.toDeals(ids), ["deal-value"], false, true, 12);
    this.answeredDeals = ids.slice(0, 5);
    return this.finish(true, "ranking");
  }

  private compare(inherited: Deal[]): Turn {
    // "How much is Nvidia worth vs Amazon?": companies, not deals, are compared.
    if (this.intent.genericMoney && !this.intent.mentionsDeal && this.groups.length >= 2) {
      const facts = this.groups.flatMap((g) => this.subjectValue(g));
      if (facts.length >= 2) {
        for (const f of facts) composeSubjectFacts(this.b, this.index, [f], f.metric);
        this.answeredDeals = unique(facts.map((f) => f.dealId));
        return this.finish(true, "compare");
      }
    }
    const deals = this.compareTargets(inherited);
    if (deals.length < 2) {
      if (deals.length === 1) {
        this.b.line(`I can only find one of those deals: ${theDeal(deals[0]!)}. Name the other deal's companies to compare them.`);
      }
      return deals.length === 1 ? this.finish(false, "compare") : this.nothingFound();
    }
    composeCompare(this.b, this.index, deals);
    this.answeredDeals = deals.map((d) => d.id);
    return this.finish(true, "compare");
  }

  /** A company's latest market value, else its latest valuation. */
  private subjectValue(group: string): Fact[] {
    const facts = (this.index.factsBySubject.get(group) ?? []).map((id) => this.index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
    for (const metric of ["market-value", "valuation"] as const) {
      const latest = facts.filter((f) => f.metric === metric && f.subject !== undefined && this.index.matcher.groupOf(f.subject) === group).sort((a, b) => b.asOf.sortKey - a.asOf.sortKey)[0];
      if (latest) return [latest];
    }
    return [];
  }

  private compareTargets(inherited: Deal[]): Deal[] {
    return compareTargets(this.index, { groups: this.groups, mentions: this.mentions, keywordHits: this.keywordHits, contextEntities: this.ctx.entities, inherited });
  }

  private quotes(inherited: Deal[]): Turn {
    const speakers = new Set(this.mentions.map((m) => m.entityId));
    const bySpeaker = this.groups
      .flatMap((g) => this.index.factsBySubject.get(g) ?? [])
      .map((id) => this.index.kb.facts.get(id))
      .filter((f): f is Fact => f !== undefined && f.metric === "statement" && f.speaker !== undefined && speakers.has(f.speaker));
    const deals = bySpeaker.length > 0 ? [] : inherited.length > 0 ? inherited : this.candidates().slice(0, 12);
    const inDeals = deals.flatMap((d) => factsOf(this.index, d.id, "statement"));
    const facts = unique([...bySpeaker, ...inDeals]);
    if (!composeQuotes(this.b, this.index, facts)) {
      composeUnknown(this.b, this.index, this.question, this.groups);
      return this.finish(false, "unknown");
    }
    this.answeredDeals = unique(facts.map((f) => f.dealId));
    return this.finish(true, "quote");
  }

  private sources(inherited: Deal[]): Turn {
    const deals = inherited.length > 0 ? inherited : this.candidates();
    if (deals.length === 0) return this.nothingFound();
    composeSources(this.b, this.index, deals);
    this.answeredDeals = deals.slice(0, 2).map((d) => d.id);
    return this.finish(true, "sources");
  }

  /** "Is the AWS deal worth $38 billion?": say whether a cited figure matches the one asked about. */
  private confirmFigure(): void {
    const asked = [...moneyMentions(this.question), ...[...this.question.matchAll(/(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1]))];
    if (asked.length === 0) return;
    const shown = this.b.figures.map((f) => f.value).filter((v): v is number => v !== null);
    if (shown.length === 0) return;
    const matches = asked.some((a) => shown.some((v) => Math.abs(v - a) <= Math.abs(a) * 0.01));
    this.b.lines.unshift([matches ? "Yes, my sources report that figure:" : "Not as asked; here is what my sources report:"]);
  }

  /** A company the data has never heard of: say so rather than answer about someone else. */
  private strangers(names: readonly string[]): Turn {
    const who = names.map((n) => n.replace(/^./, (c) => c.toUpperCase())).join(" or ");
    const known = this.groups.map((g) => entityName(this.index.kb, g));
    this.b.line(`I don't have any deals involving ${who}${known.length > 0 ? ` and ${known.join(" and ")}` : ""}, so I don't have a figure for that.`);
    const suggestions = suggestDeals(this.index, "", this.groups);
    if (suggestions.length > 0) this.b.line(`I do know about: ${suggestions.join("; ")}.`);
    return this.finish(false, "unknown", suggestions);
  }

  private finish(answered: boolean, kind: Answer["kind"], suggestions: readonly string[] = []): Turn {
    if (answered && kind === "figure" && this.intent.yesNo) this.confirmFigure();
    const answer = this.b.build(this.question, answered, kind, suggestions);
    const keep = this.answeredDeals.length > 0;
    const context: ConversationContext = keep
      ? {
          entities: unique(this.mentions.map((m) => m.entityId)),
          // This turn's deals, then the last one talked about before, so "which is bigger?" can compare them.
          dealIds: unique([...this.answeredDeals.slice(0, 9), ...this.ctx.dealIds]).slice(0, 12),
          metrics: this.metrics.slice(0, 3),
        }
      : this.ctx;
    return { answer, context };
  }
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

