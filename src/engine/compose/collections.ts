import type { Deal, Fact } from "../../kb/types.js";
import type { Metric, Unit } from "../../kb/vocabulary.js";
import type { ReplyBuilder } from "../answer-model.js";
import { IndexCache } from "../index-caches.js";
import { isOtherBasis, isoOf, magnitude } from "../kb-view.js";
import { HEADLINE_METRICS, isPartOf } from "../retrieve/score-facts.js";
import { mentionsMonth } from "../retrieve/fact-parts.js";
import type { SearchIndex } from "../search-index.js";
import { capitalize, entityName, factSentence, joinAnd, partiesText, theDeal } from "./sentences.js";

/** Lists and comparisons over several deals, and each deal's headline figure. Every figure in them is cited. Rankings are in ranking.ts, totals in totals.ts. */

const PRINCIPAL_ROLES = new Set(["buyer", "investor", "acquirer", "tenant", "borrower", "supplier", "provider", "developer", "lender", "landlord", "investee", "target", "seller", "subject"]);

/** The deal's headline figure in the metrics asked (or its size), reported and current. */
export function headlineFact(index: SearchIndex, deal: Deal, metrics: readonly Metric[] = HEADLINE_METRICS, units?: readonly Unit[]): Fact | undefined {
  const byMetric = headlineCandidates(index, deal);
  for (const m of metrics) {
    let best: Fact | undefined;
    for (const f of byMetric.get(m) ?? []) {
      if (units !== undefined && units.length > 0 && !units.includes(f.unit)) continue;
      if (!best || magnitude(f) > magnitude(best)) best = f;
    }
    if (best) return best;
  }
  return undefined;
}

const headlineCache = new IndexCache<ReadonlyMap<Metric, readonly Fact[]>>("deal");

/**
 * A deal's facts that can be its headline (current, reported, the deal's own, with a figure or a
 * date), grouped by metric and computed once per index: a ranking over every deal reads them for
 * thousands of deals.
 */
function headlineCandidates(index: SearchIndex, deal: Deal): ReadonlyMap<Metric, readonly Fact[]> {
  let byMetric = headlineCache.get(index, deal.id);
  if (!byMetric) {
    const grouped = new Map<Metric, Fact[]>();
    for (const id of deal.factIds) {
      const f = index.kb.facts.get(id);
      if (f === undefined || f.supersededBy !== undefined || isOtherBasis(f) || f.subject !== undefined) continue;
      if (f.value === undefined && f.range === undefined && f.unit !== "date") continue;
      // One party's part of a whole ("the co-investor syndicate's part of the second tranche") is never the deal's headline.
      if (isPartOf(f)) continue;
      grouped.set(f.metric, [...(grouped.get(f.metric) ?? []), f]);
    }
    byMetric = grouped;
    headlineCache.set(index, deal.id, byMetric);
  }
  return byMetric;
}

/** Fill a deal's headline cache (see headlineCandidates) ahead of the first question. */
export function warmHeadlines(index: SearchIndex, deal: Deal): void {
  headlineCandidates(index, deal);
}



/** Deals where the group plays a principal role, not only a technology-partner one. */
export function principalDeals(index: SearchIndex, deals: readonly Deal[], groups: readonly string[]): Deal[] {
  if (groups.length === 0) return [...deals];
  const principal = deals.filter((d) => d.parties.some((p) => groups.includes(index.matcher.groupOf(p.entity)) && PRINCIPAL_ROLES.has(p.role)));
  return principal.length > 0 ? principal : [...deals];
}

export function composeList(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], groups: readonly string[], heading?: string): void {
  const kb = index.kb;
  const who = groups.length > 0 ? joinAnd(groups.map((g) => entityName(kb, g))) : "";
  b.line(heading ?? (who ? `Deals involving ${who} in my sources (${deals.length}):` : `Deals in my sources (${deals.length}):`));
  for (const d of deals.slice(0, 12)) {
    const head = headlineFact(index, d);
    b.line("• ", capitalize(theDeal(d)), ...(head ? [": ", ...b.answer(b.figure([head]))] : []));
  }
  if (deals.length > 12) b.line("…and more. Ask about one of them by name.");
}

/** Who the parties are, or who acted ("who bought AirTrunk"). */
export function composeWho(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], limit = 3): void {
  for (const d of deals.slice(0, limit)) {
    const evidence = d.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined);
    b.line(`${capitalize(theDeal(d))}: ${partiesText(index.kb, d)}`, ...(evidence ? [" ", { cite: [b.cite(evidence)] }] : []), ".");
  }
}

/** Two or more deals side by side on the same quantity, with which is larger when units agree. */
export function composeCompare(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], metrics: readonly Metric[], months: readonly number[] = [], chosen?: readonly Fact[]): boolean {
  const all = deals.slice(0, 4).map((d, i) => ({ d, f: chosen?.[i] ?? ofMonth(index, d, metrics, months) ?? headlineFact(index, d, metrics) }));
  if (all.filter((r) => r.f).length < 2) return false;
  // A deal without a figure is named only when it is one of the two asked about.
  const rows = all.filter((r, i) => r.f !== undefined || i < 2);
  for (const r of rows) {
    if (r.f) b.line("• ", ...factSentence(b, index.kb, r.f, r.d, true));
    else b.line(`• ${capitalize(theDeal(r.d))}: no comparable figure in my sources.`);
  }
  const comparable = rows.filter((r): r is { d: Deal; f: Fact } => r.f !== undefined && r.f.value !== undefined);
  const units = new Set(comparable.map((r) => (r.f.unit === "MW" ? "GW" : r.f.unit)));
  if (comparable.length >= 2 && units.size === 1) {
    const top = [...comparable].sort((x, y) => magnitude(y.f) - magnitude(x.f))[0]!;
    b.line(`${capitalize(theDeal(top.d))} is the larger by this measure.`);
  } else if (units.size > 1) b.line("The figures are in different units, so they can't be ranked against each other.");
  return true;
}

/**
 * The deal's figure in the metrics asked that its own words or date put in one of the months named
 * ("oracle's sept 2025 bond"), when the question names months and such a figure exists.
 */
function ofMonth(index: SearchIndex, deal: Deal, metrics: readonly Metric[], months: readonly number[]): Fact | undefined {
  if (months.length === 0) return undefined;
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && !isOtherBasis(f) && f.subject === undefined && f.value !== undefined);
  for (const m of metrics) {
    const hits = facts.filter((f) => f.metric === m && (months.includes(f.asOf.month ?? 0) || mentionsMonth(f, months)));
    if (hits.length > 0) return hits.sort((a, b) => magnitude(b) - magnitude(a))[0];
  }
  return undefined;
}

/**
 * What companies themselves are worth, side by side: each one's latest market value (or
 * valuation) as reported, with which is larger when the units agree. Returns the facts used.
 */
export function composeCompanyCompare(b: ReplyBuilder, index: SearchIndex, groups: readonly string[], metrics: readonly Metric[]): Fact[] {
  const rows = groups.slice(0, 4).map((g) => ({ g, f: latestOwnFigure(index, g, metrics) }));
  const found = rows.filter((r): r is { g: string; f: Fact } => r.f !== undefined);
  if (found.length === 0) return [];
  for (const r of rows) {
    if (r.f) b.line("• ", ...factSentence(b, index.kb, r.f, index.kb.deals.get(r.f.dealId)!, true));
    else b.line(`• ${entityName(index.kb, r.g)}: no market value or valuation in my sources.`);
  }
  if (found.length >= 2 && new Set(found.map((r) => r.f.unit)).size === 1) {
    const top = [...found].sort((x, y) => magnitude(y.f) - magnitude(x.f))[0]!;
    b.line(`${entityName(index.kb, top.g)} is worth more by these figures, which are from different dates.`);
  }
  return found.map((r) => r.f);
}

/** The group's own figure in the first metric that has one (its market value, else valuation), latest first. */
function latestOwnFigure(index: SearchIndex, group: string, metrics: readonly Metric[]): Fact | undefined {
  const own = (index.factsBySubject.get(group) ?? [])
    .map((id) => index.kb.facts.get(id))
    .filter((f): f is Fact => f !== undefined && f.subject !== undefined && index.matcher.groupOf(f.subject) === group && f.supersededBy === undefined && f.value !== undefined && !isOtherBasis(f));
  for (const m of metrics) {
    const hits = own.filter((f) => f.metric === m).sort((a, b) => (isoOf(a.asOf) < isoOf(b.asOf) ? 1 : -1));
    if (hits[0]) return hits[0];
  }
  return undefined;
}

