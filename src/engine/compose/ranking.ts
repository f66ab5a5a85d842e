import type { Deal, Fact } from "../../kb/types.js";
import type { Metric, Unit } from "../../kb/vocabulary.js";
import type { ReplyBuilder } from "../answer-model.js";
import { metricLabel } from "../kb-view.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { capitalize, theDeal } from "./sentences.js";
import { magnitude } from "../kb-view.js";
import { composeList, headlineFact } from "./collections.js";
import { sortByKeyDescending } from "../sort-by-key.js";

/** Rankings (largest, smallest, newest) and lists past a dollar line. Every figure in them is cited. */

export type RankBy = { readonly metrics: readonly Metric[]; readonly units?: readonly Unit[]; readonly byDate: boolean; readonly ascending: boolean; readonly label: string };

export function rankBy(q: StructuredQuery): RankBy {
  if (q.byDate) return { metrics: [], byDate: true, ascending: /\b(?:oldest|earliest|first)\b/.test(q.lower), label: "by announcement date" };
  const long = /\b(?:longest|shortest)\b/.test(q.lower);
  if (long || q.quantity === "duration") return { metrics: ["duration"], units: ["years", "months"], byDate: false, ascending: q.ascending, label: "by length" };
  if (q.metrics.length > 0 && q.quantity !== "value" && q.quantity !== "money" && q.quantity !== "spending") return { metrics: q.metrics, units: q.units, byDate: false, ascending: q.ascending, label: `by ${metricLabel(q.metrics[0]!)}` };
  return { ...BY_DOLLAR_VALUE, ascending: q.ascending };
}

/** The default ranking: each deal's headline dollar figure, largest first. */
const BY_DOLLAR_VALUE: RankBy = { metrics: ["deal-value", "investment", "funding-round", "capex-pledge", "spending", "debt", "expansion-value"] as Metric[], units: ["USD"], byDate: false, ascending: false, label: "by value in US dollars" };

const ENDED_STATUSES: ReadonlySet<string> = new Set(["scrapped", "superseded", "cancelled", "rejected"]);
const orderCache = new WeakMap<SearchIndex, Map<string, ReadonlyArray<RankRow>>>();

/** The order of the default ranking ("biggest deals"), built in time slices ahead of the first question that asks for it. */
export async function warmRanking(index: SearchIndex, tick: () => Promise<void> | undefined): Promise<void> {
  const by = BY_DOLLAR_VALUE;
  if (cacheFor(index).has(orderKey(by))) return; // carried over (carryRanking)
  const rows: RankRow[] = [];
  let i = 0;
  for (const d of index.kb.deals.values()) {
    await tick();
    const row = rankRow(index, d, by, i++);
    if (row) rows.push(row);
  }
  await tick();
  cacheFor(index).set(orderKey(by), sortRows(rows));
}

/** The default ranking's deals and figures, as ids (tests). */
export const defaultRanking = (index: SearchIndex): string[] => rankedOrder(index, BY_DOLLAR_VALUE).map((r) => `${r.d.id} ${r.f.id}`);
/** The default ranking's row of a deal (tests). */
export const rankedRow = (index: SearchIndex, id: string) => rankedOrder(index, BY_DOLLAR_VALUE).find((r) => r.d.id === id);

/**
 * The default ranking of `from` for `to`, an index made from it as a diff, when the edit leaves
 * the order as it was: the same deals in the same order, and each stale deal ranked by the same
 * headline fact object as before, or unranked in both. Its rows then take the new deal objects.
 * Otherwise warmRanking builds the order again.
 */
export async function carryRanking(from: SearchIndex, to: SearchIndex, stale: ReadonlySet<string>, tick: () => Promise<void> | undefined): Promise<void> {
  const key = orderKey(BY_DOLLAR_VALUE);
  const order = orderCache.get(from)?.get(key);
  if (!order || from.kb.deals.size !== to.kb.deals.size) return;
  const before = from.kb.deals.keys();
  let n = 0;
  for (const id of to.kb.deals.keys()) {
    if (before.next().value !== id) return;
    if (++n % 1024 === 0) await tick();
  }
  const at = new Map<string, number>();
  order.forEach((r, i) => stale.has(r.d.id) && at.set(r.d.id, i));
  await tick();
  const rows = [...order];
  let position = 0;
  for (const id of to.kb.deals.keys()) {
    if (stale.has(id)) {
      const row = rankRow(to, to.kb.deals.get(id)!, BY_DOLLAR_VALUE, position);
      const i = at.get(id);
      if ((row === undefined) !== (i === undefined)) return;
      if (row && i !== undefined) {
        if (row.f !== rows[i]!.f) return;
        rows[i] = row;
      }
    }
    if (++position % 1024 === 0) await tick();
  }
  cacheFor(to).set(key, rows);
}

type RankRow = { readonly d: Deal; readonly f: Fact; readonly i: number };
const orderKey = (by: RankBy) => `${by.metrics.join(",")}|${(by.units ?? []).join(",")}`;
// Rows come in index order (i ascending), so ties keep it, as `|| x.i - y.i` did.
const sortRows = (rows: RankRow[]) => sortByKeyDescending(rows, (r) => magnitude(r.f));

function cacheFor(index: SearchIndex): Map<string, ReadonlyArray<RankRow>> {
  let cache = orderCache.get(index);
  if (!cache) orderCache.set(index, (cache = new Map()));
  return cache;
}

function rankRow(index: SearchIndex, d: Deal, by: RankBy, i: number): RankRow | undefined {
  if (ENDED_STATUSES.has(d.status as string)) return undefined;
  const f = headlineFact(index, d, by.metrics, by.units);
  return f !== undefined && f.value !== undefined ? { d, f, i } : undefined;
}

/**
 * Every live deal with a headline figure in the ranking's metrics, largest first (ties in the
 * index's order), computed once per index and ranking: a question over thousands of deals then
 * walks it instead of sorting them.
 */
function rankedOrder(index: SearchIndex, by: RankBy): ReadonlyArray<RankRow> {
  const cache = cacheFor(index);
  let order = cache.get(orderKey(by));
  if (!order) {
    const rows: RankRow[] = [];
    let i = 0;
    for (const d of index.kb.deals.values()) {
      const row = rankRow(index, d, by, i++);
      if (row) rows.push(row);
    }
    order = sortRows(rows);
    cache.set(orderKey(by), order);
  }
  return order;
}

/** The ranking, largest (or smallest, earliest, latest) first; returns the deals it names, or null when none has such a figure. */
/** `scope` "all": every deal but market events, walked in the precomputed order without building a scope (a global "biggest deal?"). */
export function composeRanking(b: ReplyBuilder, index: SearchIndex, scope: readonly Deal[] | "all", by: RankBy, limit: number, who: string): Deal[] | null {
  if (by.byDate) {
    const deals = scope === "all" ? [...index.kb.deals.values()].filter((d) => d.type !== "market-event") : scope;
    const sorted = [...deals].sort((a, b2) => (a.announced.sortKey < b2.announced.sortKey ? 1 : -1) * (by.ascending ? -1 : 1));
    composeList(b, index, sorted.slice(0, limit), [], `${by.ascending ? "Earliest" : "Most recent"} deals${who ? ` involving ${who}` : ""}:`);
    return sorted.length > 0 ? sorted.slice(0, limit) : null;
  }
  // Walk the index's precomputed order (largest first) and keep the first `limit` deals in scope.
  const order = rankedOrder(index, by);
  // A deal replaced by another in scope is left out; with every deal in scope, any replaced deal is.
  const all = scope === "all";
  const inScope = scope === "all" ? undefined : new Set(scope.map((d) => d.id));
  const superseding = scope === "all" ? undefined : new Set(scope.flatMap((d) => d.supersedes));
  const fits = (d: Deal) => (all ? d.type !== "market-event" && d.supersededBy.length === 0 : inScope!.has(d.id) && !superseding!.has(d.id));
  const live: Array<{ d: Deal; f: Fact }> = [];
  for (let i = 0; i < order.length && live.length < limit; i++) {
    const r = order[by.ascending ? order.length - 1 - i : i]!;
    if (fits(r.d)) live.push(r);
  }
  if (live.length === 0) return null;
  const [most, least] = by.metrics.includes("duration" as Metric) ? ["Longest", "Shortest"] : ["Largest", "Smallest"];
  b.line(`${by.ascending ? least : most} deals${who ? ` involving ${who}` : ""} ${by.label}, in order:`);
  live.forEach((r) => b.line(`• ${capitalize(theDeal(r.d))}: `, ...b.answer(b.figure([r.f]))));
  if (by.units?.includes("USD")) b.line("Figures in other currencies are not converted and are left out.");
  return live.map((r) => r.d);
}

/**
 * The deals whose headline dollar figure is at least the threshold, largest first, each with that
 * figure cited. Hedged ceilings ("up to") count at their stated value and keep their qualifier.
 */
export function composeThresholdList(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], threshold: number, who: string): Fact[] {
  const by = BY_DOLLAR_VALUE;
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

