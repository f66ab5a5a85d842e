import type { Deal, Fact } from "../../kb/types.js";
import type { Metric, Unit } from "../../kb/vocabulary.js";
import type { ReplyBuilder } from "../answer-model.js";
import { isOtherBasis, isoOf, metricLabel, overlapsOf } from "../kb-view.js";
import type { StructuredQuery } from "../read/query.js";
import { HEADLINE_METRICS } from "../retrieve/score-facts.js";
import type { SearchIndex } from "../search-index.js";
import { capitalize, entityName, factSentence, joinAnd, partiesText, theDeal } from "./sentences.js";

/** Lists, rankings, totals and comparisons over several deals. Every figure in them is cited. */

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

const headlineCache = new WeakMap<SearchIndex, Map<string, ReadonlyMap<Metric, readonly Fact[]>>>();

/**
 * A deal's facts that can be its headline (current, reported, the deal's own, with a figure or a
 * date), grouped by metric and computed once per index: a ranking over every deal reads them for
 * thousands of deals.
 */
function headlineCandidates(index: SearchIndex, deal: Deal): ReadonlyMap<Metric, readonly Fact[]> {
  let cache = headlineCache.get(index);
  if (!cache) headlineCache.set(index, (cache = new Map()));
  let byMetric = cache.get(deal.id);
  if (!byMetric) {
    const grouped = new Map<Metric, Fact[]>();
    for (const id of deal.factIds) {
      const f = index.kb.facts.get(id);
      if (f === undefined || f.supersededBy !== undefined || isOtherBasis(f) || f.subject !== undefined) continue;
      if (f.value === undefined && f.range === undefined && f.unit !== "date") continue;
      grouped.set(f.metric, [...(grouped.get(f.metric) ?? []), f]);
    }
    byMetric = grouped;
    cache.set(deal.id, byMetric);
  }
  return byMetric;
}

/** A comparable size: GW and MW in one scale, ranges by their top. */
export function magnitude(f: Fact): number {
  const v = f.value ?? f.range?.max ?? 0;
  return f.unit === "MW" ? v / 1000 : v;
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

/**
 * The deals whose headline dollar figure is at least the threshold, largest first, each with that
 * figure cited. Hedged ceilings ("up to") count at their stated value and keep their qualifier.
 */
export function composeThresholdList(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], threshold: number, who: string): Fact[] {
  const by = rankBy({ lower: "", byDate: false, quantity: null, metrics: [], units: [], ascending: false } as unknown as StructuredQuery);
  const rows = deals
    .filter((d) => !["scrapped", "superseded", "cancelled", "rejected"].includes(d.status as string))
    .map((d) => ({ d, f: headlineFact(index, d, by.metrics, by.units) }))
    .filter((r): r is { d: Deal; f: Fact } => r.f !== undefined && (r.f.value ?? r.f.range?.max ?? 0) >= threshold)
    .sort((x, y) => magnitude(y.f) - magnitude(x.f));
  if (rows.length === 0) {
    b.line(`I have no deals${who ? ` involving ${who}` : ""} above that amount in my sources.`);
    return [];
  }
  b.line(`Deals${who ? ` involving ${who}` : ""} above that amount in my sources, largest first (${rows.length}):`);
  for (const r of rows.slice(0, 12)) b.line(`• ${capitalize(theDeal(r.d))}: `, ...b.answer(b.figure([r.f])));
  if (rows.length > 12) b.line("…and more. Ask about one of them by name.");
  b.line("Figures in other currencies are not converted and are left out.");
  return rows.map((r) => r.f);
}

/** Who the parties are, or who acted ("who bought AirTrunk"). */
export function composeWho(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[]): void {
  for (const d of deals.slice(0, 3)) {
    const evidence = d.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined);
    b.line(`${capitalize(theDeal(d))}: ${partiesText(index.kb, d)}`, ...(evidence ? [" ", { cite: [b.cite(evidence)] }] : []), ".");
  }
}

export type RankBy = { readonly metrics: readonly Metric[]; readonly units?: readonly Unit[]; readonly byDate: boolean; readonly ascending: boolean; readonly label: string };

export function rankBy(q: StructuredQuery): RankBy {
  if (q.byDate) return { metrics: [], byDate: true, ascending: /\b(?:oldest|earliest|first)\b/.test(q.lower), label: "by announcement date" };
  const long = /\b(?:longest|shortest)\b/.test(q.lower);
  if (long || q.quantity === "duration") return { metrics: ["duration"], units: ["years", "months"], byDate: false, ascending: q.ascending, label: "by length" };
  if (q.metrics.length > 0 && q.quantity !== "value" && q.quantity !== "money" && q.quantity !== "spending") return { metrics: q.metrics, units: q.units, byDate: false, ascending: q.ascending, label: `by ${metricLabel(q.metrics[0]!)}` };
  return { metrics: ["deal-value", "investment", "funding-round", "capex-pledge", "spending", "debt", "expansion-value"] as Metric[], units: ["USD"], byDate: false, ascending: q.ascending, label: "by value in US dollars" };
}

const ENDED_STATUSES: ReadonlySet<string> = new Set(["scrapped", "superseded", "cancelled", "rejected"]);
const orderCache = new WeakMap<SearchIndex, Map<string, ReadonlyArray<{ readonly d: Deal; readonly f: Fact }>>>();

/**
 * Every live deal with a headline figure in the ranking's metrics, largest first (ties in the
 * index's order), computed once per index and ranking: a question over thousands of deals then
 * walks it instead of sorting them.
 */
/** Fill a deal's headline cache (see headlineCandidates) ahead of the first question. */
export function warmHeadlines(index: SearchIndex, deal: Deal): void {
  headlineCandidates(index, deal);
}

/** The order of the default ranking ("biggest deals"), built ahead of the first question that asks for it. */
export function warmRanking(index: SearchIndex): void {
  rankedOrder(index, rankBy({ lower: "", byDate: false, quantity: null, metrics: [], units: [], ascending: false } as unknown as StructuredQuery));
}

function rankedOrder(index: SearchIndex, by: RankBy): ReadonlyArray<{ readonly d: Deal; readonly f: Fact }> {
  let cache = orderCache.get(index);
  if (!cache) orderCache.set(index, (cache = new Map()));
  const key = `${by.metrics.join(",")}|${(by.units ?? []).join(",")}`;
  let order = cache.get(key);
  if (!order) {
    const rows: Array<{ d: Deal; f: Fact; i: number }> = [];
    let i = 0;
    for (const d of index.kb.deals.values()) {
      i++;
      if (ENDED_STATUSES.has(d.status as string)) continue;
      const f = headlineFact(index, d, by.metrics, by.units);
      if (f !== undefined && f.value !== undefined) rows.push({ d, f, i });
    }
    rows.sort((x, y) => magnitude(y.f) - magnitude(x.f) || x.i - y.i);
    order = rows;
    cache.set(key, order);
  }
  return order;
}

/** The ranking, largest (or smallest, earliest, latest) first; returns the deals it names, or null when none has such a figure. */
export function composeRanking(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], by: RankBy, limit: number, who: string): Deal[] | null {
  if (by.byDate) {
    const sorted = [...deals].sort((a, b2) => (a.announced.sortKey < b2.announced.sortKey ? 1 : -1) * (by.ascending ? -1 : 1));
    composeList(b, index, sorted.slice(0, limit), [], `${by.ascending ? "Earliest" : "Most recent"} deals${who ? ` involving ${who}` : ""}:`);
    return sorted.length > 0 ? sorted.slice(0, limit) : null;
  }
  // Walk the index's precomputed order (largest first) and keep the first `limit` deals in scope.
  const order = rankedOrder(index, by);
  const inScope = new Set(deals.map((d) => d.id));
  const superseding = new Set(deals.flatMap((d) => d.supersedes));
  const live: Array<{ d: Deal; f: Fact }> = [];
  for (let i = 0; i < order.length && live.length < limit; i++) {
    const r = order[by.ascending ? order.length - 1 - i : i]!;
    if (inScope.has(r.d.id) && !superseding.has(r.d.id)) live.push(r);
  }
  if (live.length === 0) return null;
  b.line(`${by.ascending ? "Smallest" : "Largest"} deals${who ? ` involving ${who}` : ""} ${by.label}, in order:`);
  live.forEach((r) => b.line(`• ${capitalize(theDeal(r.d))}: `, ...b.answer(b.figure([r.f]))));
  if (by.units?.includes("USD")) b.line("Figures in other currencies are not converted and are left out.");
  return live.map((r) => r.d);
}

/**
 * A total over deals: each deal's own headline figure in the metrics asked, added up and labelled
 * as computed; hedged ("up to") parts and facts that may count the same money are named apart.
 */
export function composeTotal(b: ReplyBuilder, index: SearchIndex, dealsIn: readonly Deal[], metrics: readonly Metric[], who: string, party?: TotalParty): Fact[] | null {
  let deals = dealsIn;
  const firm: Fact[] = [];
  const hedged: Fact[] = [];
  const apart: Array<{ f: Fact; why: Apart }> = [];
  const taken = new Set<string>();
  // One deal: its parts ("Texas" and "Wisconsin" loans), unless it states its own total.
  if (deals.length === 1) {
    const parts = partsOf(index, deals[0]!, metrics);
    if (parts.length >= 2) deals = [];
    for (const f of parts) (["up to", "as much as", "may", "potential"].includes(f.qualifier as string) ? hedged : firm).push(f);
  }
  // Plans and pledges are set apart only from signed deals: "add up the India and UAE pledges" adds them.
  const mixed = deals.some((d) => !INTENT_TYPES.includes(d.type));
  for (const d of deals) {
    if (["scrapped", "superseded", "cancelled", "rejected"].includes(d.status as string)) continue;
    const f = headlineFact(index, d, metrics, ["USD"]);
    if (!f || f.value === undefined) continue;
    if (overlapsOf(f).some((id) => taken.has(id))) continue;
    taken.add(f.id);
    const why = party !== undefined && deals.length > 1 ? notTheParty(index, d, f, party, mixed) : null;
    if (why === "not-theirs") continue;
    if (why !== null) apart.push({ f, why });
    else (["up to", "as much as", "may", "potential"].includes(f.qualifier as string) ? hedged : firm).push(f);
  }
  // Nothing else to keep them apart from: the plan or pledge is the answer.
  if (firm.length + hedged.length === 0) for (const a of apart.splice(0)) (["up to", "as much as", "may", "potential"].includes(a.f.qualifier as string) ? hedged : firm).push(a.f);
  if (firm.length + hedged.length === 0) return null;
  // One figure is not a total: give it as it is.
  if (firm.length + hedged.length === 1) {
    const only = (firm[0] ?? hedged[0])!;
    b.line(...factSentence(b, index.kb, only, index.kb.deals.get(only.dealId)!, true));
    return [only];
  }
  const sum = firm.reduce((s, f) => s + (f.value ?? 0), 0);
  const kinds = joinAnd([...new Set([...firm, ...hedged].map((f) => metricLabel(f.metric)))]);
  if (firm.length > 0) {
    const anyApprox = firm.some((f) => f.qualifier !== "none");
    b.line(`Total ${kinds}${who ? ` for ${who}` : ""}: `, ...b.answer(b.computed(firm[0]!.metric, sum, "USD", firm, anyApprox ? "about" : "none")), " (computed by adding the cited figures below).");
    for (const f of firm) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, false));
  }
  if (hedged.length > 0) {
    b.line(firm.length > 0 ? "Not added, because they are ceilings rather than firm amounts:" : "Only ceilings are reported, so I give them without adding them up:");
    for (const f of hedged) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, firm.length === 0));
  }
  for (const [why, heading] of [
    ["umbrella", "Not added, because it is an overall plan that may already include the deals above:"],
    ["pledge", "Not added, because pledges are announced intentions, not signed deals, and may overlap with the deals above:"],
    ["shared", `Not added, because it is the whole of a deal shared with other ${party?.relation === "lend" ? "lenders" : "backers"}, not ${who || "one party"}'s part:`]] as const) {
    const facts = apart.filter((a) => a.why === why).map((a) => a.f);
    if (facts.length === 0) continue;
    b.line(heading);
    for (const f of facts) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, false));
  }
  return [...firm, ...hedged, ...apart.map((a) => a.f)];
}

type Apart = "umbrella" | "pledge" | "shared";
const INTENT_TYPES: readonly string[] = ["plan", "capex-pledge"];

/** Whose total it is, and what they did: "how much has OpenAI committed" adds only what OpenAI pays. */
export interface TotalParty {
  readonly group: string;
  /** The roles that count: the paying side of the relation asked, or every principal role when none was. */
  readonly roles: readonly string[];
  readonly relation: string | null;
}

/**
 * Why a deal's headline is not part of one party's total: the party is not on the side asked
 * ("not-theirs": left out), the deal is the party's overall plan that summarises its other deals
 * ("umbrella") or a pledge of intent ("pledge"), or the figure is a whole shared with co-backers in the same role ("shared").
 */
function notTheParty(index: SearchIndex, deal: Deal, fact: Fact, party: TotalParty, mixed: boolean): "not-theirs" | Apart | null {
  const mine = deal.parties.filter((p) => index.matcher.groupOf(p.entity) === party.group).map((p) => p.role);
  if (mixed && deal.type === "plan") return "umbrella";
  if (mixed && deal.type === "capex-pledge") return "pledge";
  if (party.roles.length > 0 && !mine.some((r) => party.roles.includes(r))) return "not-theirs";
  // An investment figure is its investor's money: a tenant's total does not take the developer's build cost.
  if (fact.metric === "investment" && fact.subject === undefined && !mine.some((r) => ["investor", "acquirer", "lender"].includes(r))) return "not-theirs";
  if (fact.subject !== undefined) return index.matcher.groupOf(fact.subject) === party.group ? null : "not-theirs";
  const sameRole = new Set(deal.parties.filter((p) => mine.includes(p.role) && ["investor", "lender", "acquirer"].includes(p.role)).map((p) => index.matcher.groupOf(p.entity)));
  return sameRole.size > 1 ? "shared" : null;
}

/** Two or more deals side by side on the same quantity, with which is larger when units agree. */
export function composeCompare(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], metrics: readonly Metric[]): boolean {
  const all = deals.slice(0, 4).map((d) => ({ d, f: headlineFact(index, d, metrics) }));
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

/** A deal's separate current figures of one metric that add up: one per dispute group, no totals, no overlaps. */
function partsOf(index: SearchIndex, deal: Deal, metrics: readonly Metric[]): Fact[] {
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && f.unit === "USD" && f.value !== undefined && !isOtherBasis(f));
  for (const m of metrics) {
    const same = facts.filter((f) => f.metric === m);
    if (same.some((f) => /\b(?:total|combined|overall|in all)\b/i.test(f.label ?? ""))) return [];
    const seen = new Set<string>();
    const parts = same.filter((f) => {
      const key = f.dispute ?? f.id;
      if (seen.has(key) || f.overlaps.some((o) => seen.has(o))) return false;
      seen.add(key);
      return true;
    });
    if (parts.length >= 2) return parts;
  }
  return [];
}
