import type { Deal, Fact } from "../kb/types.js";
import type { Outcome, ReplyBuilder } from "./answer-model.js";
import { composeCompanyCompare, composeCompare, composeList } from "./compose/collections.js";
import { composeNoJointDeal } from "./compose/no-deal.js";
import { composeRanking, composeThresholdList, rankBy } from "./compose/ranking.js";
import { entityName } from "./compose/sentences.js";
import { composeTotal, statedTotal } from "./compose/totals.js";
import type { ConversationContext } from "./focus.js";
import { recordsCombined } from "./kb-view.js";
import { periodYears } from "./read/figures-and-times.js";
import { type Relation } from "./read/lexicon.js";
import type { StructuredQuery } from "./read/query.js";
import { type Candidates, dealsWithAll, type Focus } from "./retrieve/candidates.js";
import { collectionScope } from "./retrieve/collection-scope.js";
import { eachPartysDeal, ownNamedDeals } from "./retrieve/each-partys-deal.js";
import { HEADLINE_METRICS, scoreFacts } from "./retrieve/score-facts.js";
import type { SearchIndex } from "./search-index.js";
import { rolesPay } from "./verify/relations.js";

/**
 * Answers about several deals at once: a list, a ranking, a total, a comparison. Each takes the
 * turn it answers (the query, the focus, the reply being built) and records the deals it named.
 */
export interface CollectionTurn {
  readonly index: SearchIndex;
  readonly q: StructuredQuery;
  readonly b: ReplyBuilder;
  readonly focus: Focus;
  readonly ctx: ConversationContext;
  /** The deals the reply is about, for follow-ups. */
  answered(dealIds: readonly string[]): void;
  /** The facts the reply gives, for follow-ups. */
  given(factIds: readonly string[]): void;
  /** The companies in focus, named for a reply ("Microsoft and OpenAI"). */
  who(): string;
  nothing(global: boolean): Outcome;
  figure(cands: Candidates, q: StructuredQuery): Outcome;
}

const ONE_DEAL = /\b(?:that|the|this|its|their) (?:deal|agreement|contract|round|loi|letter of intent|pact|lease|loan)\b|\bunder (?:that|the|this|it)\b|\bof the \$/;
const MANY_DEALS = /\b(?:deals|agreements|contracts|rounds|leases|loans|all|across|every|each|both)\b/;

/** Roles that make a deal a company's own in a ranking of its deals (not supplier or partner of others' deals). */
const OWN_DEAL_ROLES: ReadonlySet<string> = new Set(["buyer", "investor", "acquirer", "tenant", "borrower", "lender", "landlord", "investee", "target", "seller", "provider"]);


export function answerList(t: CollectionTurn, cands: Candidates, global: boolean): Outcome {
  const deals = collectionScope(t.index, t.q, cands, t.focus.groups, global);
  if (deals.length === 0) return t.nothing(global);
  if (t.q.threshold !== null) {
    const over = composeThresholdList(t.b, t.index, deals, t.q.threshold, t.who());
    t.answered(over.slice(0, 5).map((f) => f.dealId));
    return "answered";
  }
  composeList(t.b, t.index, deals, t.focus.groups);
  t.answered(deals.slice(0, 5).map((d) => d.id));
  return "answered";
}

export function answerRank(t: CollectionTurn, cands: Candidates, global: boolean): Outcome {
  // "biggest deal?" over everything, narrowed by nothing: the precomputed order is walked as it is,
  // without building a scope of every deal (24 ms at 100k facts).
  if (global && t.q.dealTypes.length === 0 && t.q.years.length === 0 && t.q.relation === null && t.focus.groups.length === 0 && !rankBy(t.q).byDate) {
    const ranked = composeRanking(t.b, t.index, "all", rankBy(t.q), t.q.limit ?? 5, t.who());
    if (!ranked) return t.nothing(global);
    t.answered(ranked.map((d) => d.id));
    return "answered";
  }
  const scoped = collectionScope(t.index, t.q, cands, t.focus.groups, global);
  // "biggest nvidia deals": its own deals (named in the title, or a party on one side of the money), not others' deals it only
  // supplies chips to or partners in, when there are enough of them.
  const own = (d: Deal, g: string) => t.index.titleGroups.get(d.id)?.has(g) === true || d.parties.some((p) => t.index.matcher.groupOf(p.entity) === g && OWN_DEAL_ROLES.has(p.role));
  const titled = t.focus.groups.length > 0 ? scoped.filter((d) => t.focus.groups.every((g) => own(d, g))) : scoped;
  const deals = titled.length >= 2 ? titled : scoped;
  const limit = t.q.limit ?? 5;
  const ranked = composeRanking(t.b, t.index, deals, rankBy(t.q), limit, t.who());
  if (!ranked) return t.nothing(global);
  // The follow-up ("and the second one?") is about the deals the ranking named, in its order.
  t.answered(ranked.map((d) => d.id));
  return "answered";
}

export function answerTotal(t: CollectionTurn, cands: Candidates, global: boolean): Outcome {
  // A total over the whole knowledge base only when asked for ("all deals", "every power deal in 2025").
  if (global && !/\b(?:all|every|overall|whole|entire|industry|market|everything)\b/.test(t.q.lower) && t.q.dealTypes.length === 0 && t.q.years.length === 0) return t.nothing(global);
  // Each deal's headline among the metrics asked, in headline order: a pledge's whole before the part already spent.
  const asked = HEADLINE_METRICS.filter((m) => t.q.metrics.includes(m));
  const metrics = t.q.metrics.length === 0 ? HEADLINE_METRICS.slice(0, 7) : asked.length > 0 ? asked : t.q.metrics;
  const deals = collectionScope(t.index, t.q, cands, t.focus.groups, global);
  // "so what's the combined total now" of a deal and its revision: the figure the revision gives for both together.
  const [d0, d1] = cands.deals;
  const revised = d0 && d1 && (d0.revisedBy.includes(d1.id) || d1.revisedBy.includes(d0.id)) && !/\b(?:all|every|each)\b/.test(t.q.lower) ? [d0, d1].find((d) => d.revises.length > 0 && recordsCombined(t.index.kb, d)) : undefined;
  if (revised && !global) return t.figure({ ...cands, deals: [revised] }, { ...t.q, metrics: [], quantity: null });
  // "msft uk investment total (gbp pls)": one deal's whole in the currency asked; sums are only made in dollars.
  const currency = t.q.units.length === 1 && t.q.units[0] !== "USD" ? t.q.units[0] : undefined;
  // "how much of the $100bn has nvidia wired so far under that deal": one deal pointed at is a figure question, not a sum over deals.
  if (!global && ONE_DEAL.test(t.q.lower) && !MANY_DEALS.test(t.q.lower) && cands.deals.length > 0) return t.figure(cands, t.q);
  // ... and one deal that states its own total ("JPMorgan's loans … in total"): that figure, as a figure question.
  const group0 = t.focus.groups.length === 1 ? t.focus.groups[0] : undefined;
  if (deals.length === 1 && !global && (currency !== undefined || statedTotal(t.index, deals[0]!, t.q.metrics.length > 0 ? t.q.metrics : HEADLINE_METRICS, group0, t.q.text.toLowerCase().split(/[^\p{L}]+/u)) !== undefined)) return t.figure(cands, { ...t.q, phase: t.q.phase ?? "eventual" });
  const group = t.focus.groups.length === 1 ? t.focus.groups[0]! : null;
  const roles = t.q.relation !== null ? rolesPay(t.q.relation as Relation) : [];
  // "how much has nvidia put into nokia and intel": the named company in every deal is the one whose money is added.
  const hub = group === null && t.focus.groups.length >= 2 && deals.length >= 2 ? t.focus.groups.find((g) => deals.every((d) => (t.index.dealShape.get(d.id)?.partyGroups ?? []).includes(g))) : undefined;
  const party = group !== null ? { group, roles, relation: t.q.relation } : hub !== undefined ? { group: hub, roles, relation: t.q.relation, ownFigures: true } : undefined;
  const used = composeTotal(t.b, t.index, deals, metrics, hub !== undefined ? entityName(t.index.kb, hub) : t.who(), party);
  // "total contracted revenue of the polaris forge leases": nothing to add up, but one deal's own total figure may be asked.
  if (!used) {
    // Only where the question names one deal: a total over several is not one of their figures.
    // ... or one deal left by a running total's date ("in total by 2024"), not by any other narrowing.
    const byDate = deals.length === 1 && periodYears(t.q.lower).upTo !== null;
    if (global || t.focus.groups.length === 0 || (!byDate && dealsWithAll(t.index, t.focus.groups).length !== 1)) return t.nothing(global);
    // ... the deal's figure for the whole of it ("total", "overall"), not a part.
    return t.figure(cands, { ...t.q, phase: t.q.phase ?? "eventual" });
  }
  t.answered([...new Set(used.map((f) => f.dealId))]);
  return "answered";
}

export function answerCompare(t: CollectionTurn, cands: Candidates): Outcome {
  const { index, q } = t;
  const named = [...new Set(q.entities.filter((e) => e.hasDeals).map((e) => e.group))];
  if (q.quantity === "market-value" && named.length >= 2) {
    const used = composeCompanyCompare(t.b, index, named, q.metrics);
    if (used.length === 0) return t.nothing(false);
    t.given(used.map((f) => f.id));
    return "answered";
  }
  let deals: Deal[] = [];
  const apart = named.length >= 2 && dealsWithAll(index, named).length === 0;
  // "msft's fy25 budget vs what meta spent on capex in 2025": each company's own figure of the quantity asked.
  const fits = apart && named.length === 2 && q.metrics.length > 0 ? eachPartysBestFit(index, q, named) : undefined;
  if (fits && composeCompare(t.b, index, fits.map((f) => index.kb.deals.get(f.dealId)!), q.metrics, q.months, fits)) {
    t.answered(fits.map((f) => f.dealId));
    return "answered";
  }
  const own = named.length >= 2 ? ownNamedDeals(index, q, named) : undefined;
  if (own) deals = own;
  else if (apart) deals = eachPartysDeal(index, q, named, t.ctx.entities);
  else deals = cands.deals.length >= 2 ? [...cands.deals] : t.ctx.dealIds.map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
  const metrics = q.metrics.length > 0 ? q.metrics : HEADLINE_METRICS;
  if (deals.length < 2 || !composeCompare(t.b, index, deals, metrics, q.months)) {
    if (cands.noJointDeal) {
      composeNoJointDeal(t.b, index, t.focus.groups, t.q);
      return "declined";
    }
    return t.nothing(false);
  }
  t.answered(deals.slice(0, 2).map((d) => d.id));
  return "answered";
}

/** "msft's fy25 budget vs what meta spent on capex in 2025": each company's own figure that best fits the quantity asked. */
function eachPartysBestFit(index: SearchIndex, q: StructuredQuery, named: readonly string[]): Fact[] | undefined {
  const facts = named.map((g) => {
    const own = (index.dealsByGroup.get(g) ?? []).map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
    const fits = scoreFacts(index, q, own, [g], own.length).filter((c) => c.metricFits && c.fact.value !== undefined && c.fact.supersededBy === undefined);
    // The company's own figure (its subject, or a deal it alone makes) before a figure of someone else's in its deal.
    return (fits.find((c) => c.fact.subject !== undefined && index.matcher.groupOf(c.fact.subject) === g) ?? fits.find((c) => c.deal.parties.length === 1))?.fact;
  });
  return facts.every((f) => f !== undefined) && new Set(facts.map((f) => f!.dealId)).size === facts.length ? (facts as Fact[]) : undefined;
}
