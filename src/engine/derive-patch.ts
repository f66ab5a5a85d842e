import type { Deal, KnowledgeBase } from "../kb/types.js";
import type { TimeSlicer } from "../time-slicer.js";
import type { Base, DerivedMaps } from "./derive-maps.js";
import { type PartsChange, updateDataWords, updateProperNouns, updateWordDeals } from "./derive-update.js";
import type { EntityMatcher } from "./entity-matcher.js";
import { dealPart, type DealPart, type IndexMemo } from "./index-parts.js";
import { sortByKeyDescending } from "./sort-by-key.js";

type Shape = { groups: number; partyGroups: readonly string[]; revision: -1 | 0 | 1 };

/**
 * The derived maps for an edit that keeps every deal in its place, made from the old index's maps
 * by replacing only what the edited deals contribute; undefined when the edit may move anything,
 * and the maps are gathered again from every deal's part.
 *
 * It qualifies when no deal was added or removed, and each edited deal keeps its announcement
 * date (the order of deals), its parties' groups, its title's words (the title terms), its dollar
 * values and chip counts, and its facts' subjects: then the maps keyed by those are the old ones,
 * and the per-deal maps (title groups and entities, headline, capacity, shape) change only at the
 * edited deals and the deals they revise. Names and words are updated as for any diff
 * (derive-update.ts). At 100k facts this takes a one-file reload's maps from a pass over 10,000
 * deal parts (~400-600 ms) to a few milliseconds plus the names shared with thousands of deals.
 */
export async function patchMaps(
  base: Base,
  kb: KnowledgeBase,
  matcher: EntityMatcher,
  memo: IndexMemo,
  slicer: TimeSlicer,
  entityWords: ReadonlySet<string>,
): Promise<DerivedMaps | undefined> {
  const old = base.old;
  if (old.matcher !== matcher) return undefined;
  await slicer.tick();
  const before = new Map<string, DealPart | undefined>();
  const after = new Map<string, DealPart | undefined>();
  const revised = new Set<string>();
  for (const id of base.changed) {
    const was = old.kb.deals.get(id);
    const now = kb.deals.get(id);
    if (!was || !now) return undefined;
    const p0 = dealPart(old.kb, was, old.matcher, memo, false);
    const p1 = dealPart(kb, now, matcher, memo);
    if (
      was.announced.sortKey !== now.announced.sortKey ||
      !sameList(p0.groups, p1.groups) ||
      !sameList(p0.titleTokens, p1.titleTokens) ||
      !sameList(p0.values, p1.values) ||
      !sameList(p0.counts, p1.counts) ||
      !sameList(p0.subjects.map((s) => s.join("\0")), p1.subjects.map((s) => s.join("\0")))
    ) {
      return undefined;
    }
    before.set(id, p0);
    after.set(id, p1);
    for (const d of [was, now]) for (const r of [...d.revises, ...d.supersedes]) revised.add(r);
  }
  await slicer.tick();

  const ids = [...after.keys()];
  const parts = after as ReadonlyMap<string, DealPart>;
  const titleGroups = patched(old.titleGroups, ids, (id) => parts.get(id)!.titleGroups, sameSet);
  const titleEntities = patched(old.titleEntities, ids, (id) => parts.get(id)!.titleEntities, sameSet);
  const headline = patched(old.headline, ids, (id) => parts.get(id)!.headline, Object.is);
  const capacityGw = patched(old.capacityGw, ids, (id) => parts.get(id)!.capacityGw, Object.is);
  const shapeIds = [...new Set([...ids, ...[...revised].filter((id) => kb.deals.has(id))])];
  const dealShape = patched(old.dealShape, shapeIds, (id) => shapeOf(kb, kb.deals.get(id)!, parts.get(id) ?? dealPart(kb, kb.deals.get(id)!, matcher, memo)), sameShape);
  const moved = ids.some((id) => old.headline.get(id) !== headline.get(id) || old.kb.deals.get(id)!.type !== kb.deals.get(id)!.type);
  // The deals newest first are the old order (titleGroups is filled in it), since no deal moved.
  const sorted = [...old.titleGroups.keys()];
  const dealsByHeadline = moved
    ? sortByKeyDescending(sorted.filter((id) => { const t = kb.deals.get(id)!.type; return t !== "plan" && t !== "market-event"; }), (id) => headline.get(id) ?? 0)
    : old.dealsByHeadline;
  await slicer.tick();

  const change: PartsChange = {
    before,
    after,
    partOf: (id) => after.get(id) ?? partIn(kb, id, matcher, memo),
    sortedIndex: new Map(sorted.map((id, i) => [id, i])),
    canonicalIndex: new Map([...kb.deals.keys()].map((id, i) => [id, i])),
    stable: true,
  };
  const properNouns = await updateProperNouns(old.properNouns, change, () => slicer.tick());
  const wordDeals = await updateWordDeals(old.wordDeals, change, () => slicer.tick());
  const dataWords = await updateDataWords(old.dataWords, change, properNouns, wordDeals, entityWords, () => slicer.tick());
  // The maps no deal edit can change are carried over as they are.
  return {
    ...old,
    properNouns,
    titleGroups,
    titleEntities,
    headline,
    capacityGw,
    dealShape,
    dealsByHeadline,
    dataWords,
    wordDeals,
  };
}

/** As derive-maps.ts computes it: groups taking part, and whether a later deal expands (1) or restates (-1) this one. */
export function shapeOf(kb: KnowledgeBase, deal: Deal, p: DealPart): Shape {
  const restated = deal.revisedBy.some((r) => (kb.deals.get(r)?.factIds ?? []).some((id) => kb.facts.get(id)?.metric === "deal-value"));
  return { groups: p.groups.length, partyGroups: p.groups, revision: deal.revisedBy.length === 0 ? 0 : restated ? -1 : 1 };
}

function partIn(kb: KnowledgeBase, id: string, matcher: EntityMatcher, memo: IndexMemo): DealPart | undefined {
  const deal = kb.deals.get(id);
  return deal && dealPart(kb, deal, matcher, memo);
}

/** The old map when every new value equals the old one (maps are never modified), else a copy with the new values. */
function patched<V>(old: ReadonlyMap<string, V>, ids: readonly string[], value: (id: string) => V, same: (a: V, b: V) => boolean): ReadonlyMap<string, V> {
  const changed = ids.filter((id) => { const v = old.get(id); return v === undefined || !same(v, value(id)); });
  if (changed.length === 0) return old;
  const out = new Map(old);
  for (const id of changed) out.set(id, value(id));
  return out;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && sameList([...a], [...b]);
}

const sameShape = (a: Shape, b: Shape) => a.groups === b.groups && a.revision === b.revision && sameList(a.partyGroups, b.partyGroups);
