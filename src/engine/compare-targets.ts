import type { Deal } from "../kb/types.js";
import type { EntityMention } from "./entity-matcher.js";
import { dealsWithAll, rankDeals } from "./retrieve.js";
import type { SearchIndex } from "./search-index.js";

export interface CompareQuery {
  readonly groups: readonly string[];
  readonly mentions: readonly EntityMention[];
  readonly keywordHits: ReadonlyMap<string, number>;
  /** Companies of the previous turn: "compare the Oracle and AWS deals" after an OpenAI question means OpenAI's. */
  readonly contextEntities: readonly string[];
  /** Deals carried over from the previous turn ("which is bigger?"). */
  readonly inherited: readonly Deal[];
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The deals a comparison is about: one per company named, preferring deals that share a third party. */
export function compareTargets(index: SearchIndex, q: CompareQuery): Deal[] {
  const toDeals = (ids: readonly string[]) => ids.map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
  if (q.mentions.every((m) => m.text === "") && q.inherited.length >= 2) return q.inherited.slice(0, 2);
  if (q.keywordHits.size >= 2) return toDeals([...q.keywordHits.keys()].slice(0, 3));
  // "Anthropic's Amazon deal vs its Microsoft deal": a named company in a deal with each other one is the anchor.
  const named = q.groups.find((g) => q.groups.length >= 3 && q.groups.every((h) => h === g || dealsWithAll(index, [g, h]).length > 0));
  if (named) {
    const picks = q.groups
      .filter((h) => h !== named)
      .map((h) => rankDeals(index, dealsWithAll(index, [named, h]), q.mentions.filter((m) => m.group === h || m.group === named), q.keywordHits)[0]);
    return unique(picks.filter((d): d is Deal => d !== undefined));
  }
  const anchors = unique(q.contextEntities.map((e) => index.matcher.groupOf(e))).filter((g) => !q.groups.includes(g));
  const perGroup = q.groups.map((g) => index.dealsByGroup.get(g) ?? []);
  const shared = sharedAnchor(index, q, perGroup) ?? anchors.find((a) => perGroup.every((ids) => ids.some((id) => index.dealSetsByGroup.get(a)?.has(id))));
  const sharedDeals = shared ? index.dealSetsByGroup.get(shared) : undefined;
  const picks = q.groups.map((g, i) => {
    const pool = perGroup[i]!;
    const scoped = sharedDeals ? pool.filter((id) => sharedDeals.has(id)) : pool;
    return rankDeals(index, scoped.length > 0 ? scoped : pool, q.mentions.filter((m) => m.group === g), q.keywordHits)[0];
  });
  const deals = unique(picks.filter((d): d is Deal => d !== undefined));
  const previous = q.inherited[0];
  if (deals.length === 1 && previous && previous !== deals[0]) return [previous, deals[0]!];
  return deals;
}

/** A company present in every named company's deals: "Compare the Oracle and AWS deals" means OpenAI's. */
function sharedAnchor(index: SearchIndex, q: CompareQuery, perGroup: ReadonlyArray<readonly string[]>): string | undefined {
  if (perGroup.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const ids of perGroup) {
    const groups = new Set(ids.flatMap((id) => index.dealShape.get(id)?.partyGroups ?? []));
    for (const g of groups) if (!q.groups.includes(g)) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const ctxGroups = q.contextEntities.map((e) => index.matcher.groupOf(e));
  const all = [...counts.entries()].filter(([, n]) => n === perGroup.length).map(([g]) => g);
  return all.find((g) => ctxGroups.includes(g)) ?? all.sort((a, c) => (index.dealsByGroup.get(c)?.length ?? 0) - (index.dealsByGroup.get(a)?.length ?? 0))[0];
}
