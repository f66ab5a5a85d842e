import type { KnowledgeBase } from "../kb/types.js";
import type { TimeSlicer } from "../time-slicer.js";
import type { EntityMatcher } from "./entity-matcher.js";
import { type DealDoc, dealPart, type DealPart, factDoc, type FactDoc, type IndexMemo } from "./index-parts.js";
import { GENERIC_DEAL_WORDS } from "./read/cues.js";
import { patchMaps, shapeOf } from "./derive-patch.js";
import { sortByKeys } from "./sort-by-key.js";
import { type PartsChange, updateDataWords, updateProperNouns, updateWordDeals } from "./derive-update.js";
import type { SearchIndex } from "./search-index.js";
import { normalize, STOPWORDS } from "./text.js";

/** The index's maps derived from the knowledge base: everything but the search engines and the kb itself. */
export type DerivedMaps = Omit<SearchIndex, "kb" | "matcher" | "dealSearch" | "factSearch" | "factWords" | "builtAt">;

/**
 * Derive the maps from the knowledge base. Each deal's and fact's part is computed once per
 * object (IndexMemo), so after a small edit this only gathers parts, in the same order as a first
 * build: an index updated after an edit holds exactly the maps a fresh build would.
 */
export async function deriveMaps(kb: KnowledgeBase, matcher: EntityMatcher, memo: IndexMemo, slicer: TimeSlicer, withDocs: boolean, base?: Base) {
  if (base && !withDocs) {
    const maps = await patchMaps(base, kb, matcher, memo, slicer, entityWordsOf(kb, matcher, memo));
    if (maps) return { maps, dealDocs: [] as DealDoc[], factDocs: [] as FactDoc[] };
  }
  const canonical: DealPart[] = [];
  const dates: number[] = [];
  for (const deal of kb.deals.values()) {
    canonical.push(dealPart(kb, deal, matcher, memo));
    dates.push(deal.announced.sortKey);
    if (canonical.length % 64 === 0) await slicer.tick();
  }
  // Keys read in the loop above, each sort then a few ms (see sort-by-key.ts).
  const sorted = sortByKeys(canonical, dates);
  await slicer.tick();
  const change = base ? partsChange(base, kb, matcher, memo, canonical, sorted) : undefined;

  const dealsByGroup = new Map<string, string[]>();
  const dealDocs: DealDoc[] = [];
  const titleDf = new Map<string, number>();
  const properNouns = new Map<string, Set<string>>();
  for (const p of sorted) {
    if (withDocs) dealDocs.push(p.doc);
    for (const group of p.groups) pushTo(dealsByGroup, group, p.deal.id);
    for (const t of p.titleTokens) titleDf.set(t, (titleDf.get(t) ?? 0) + 1);
    if (!change) for (const n of p.names) addTo(properNouns, n, p.deal.id);
    await slicer.tick();
  }
  const maxDf = Math.max(4, Math.ceil(sorted.length * 0.12));
  const titleTerms = new Set(
    [...titleDf].filter(([t, n]) => n <= maxDf && t.length >= 3 && !STOPWORDS.has(t) && !GENERIC_DEAL_WORDS.has(t) && !/^\$?\d/.test(t)).map(([t]) => t),
  );

  const factsBySubject = new Map<string, string[]>();
  const factDocs: FactDoc[] = [];
  const dealsByValue = new Map<number, Set<string>>();
  const dealsByCount = new Map<number, Set<string>>();
  // The facts in the knowledge base's order, which is its deals' order, each deal's facts together.
  for (const p of canonical) {
    const id = p.deal.id;
    if (!change) for (const name of p.quoteNames) addTo(properNouns, name, id);
    for (const v of p.values) addTo(dealsByValue, v, id);
    for (const c of p.counts) addTo(dealsByCount, c, id);
    for (const [group, factId] of p.subjects) pushTo(factsBySubject, group, factId);
    if (withDocs) for (const f of p.facts) if (f) factDocs.push(factDoc(f));
    await slicer.tick();
  }

  const titleGroups = new Map<string, ReadonlySet<string>>();
  const titleEntities = new Map<string, ReadonlySet<string>>();
  const headline = new Map<string, number>();
  const capacityGw = new Map<string, number>();
  const dealShape = new Map<string, { groups: number; partyGroups: readonly string[]; revision: -1 | 0 | 1 }>();
  const real: string[] = [];
  const realHeadline: number[] = [];
  for (const p of sorted) {
    const deal = p.deal;
    titleGroups.set(deal.id, p.titleGroups);
    titleEntities.set(deal.id, p.titleEntities);
    headline.set(deal.id, p.headline);
    capacityGw.set(deal.id, p.capacityGw);
    dealShape.set(deal.id, shapeOf(kb, deal, p));
    if (deal.type !== "plan" && deal.type !== "market-event") {
      real.push(deal.id);
      realHeadline.push(p.headline);
    }
    await slicer.tick();
  }
  const dealsByHeadline = sortByKeys(real, realHeadline);
  await slicer.tick();

  const dealSetsByGroup = new Map<string, ReadonlySet<string>>();
  for (const [g, ids] of dealsByGroup) {
    dealSetsByGroup.set(g, new Set(ids));
    await slicer.tick();
  }

  // The reader's vocabulary, built here in time slices rather than on the first question after a
  // reload (at 100k facts that first question otherwise stalled the gateway for about a second).
  const entityWords = entityWordsOf(kb, matcher, memo);
  let nouns: ReadonlyMap<string, ReadonlySet<string>> = properNouns;
  let dataWords: ReadonlySet<string>;
  let wordDeals: ReadonlyMap<string, number>;
  if (change && base) {
    nouns = await updateProperNouns(base.old.properNouns, change, () => slicer.tick());
    wordDeals = await updateWordDeals(base.old.wordDeals, change, () => slicer.tick());
    dataWords = await updateDataWords(base.old.dataWords, change, nouns, wordDeals, entityWords, () => slicer.tick());
  } else {
    const words = new Set<string>(properNouns.keys());
    const counts = new Map<string, number>();
    dataWords = words;
    wordDeals = counts;
    for (const p of sorted) {
      for (const w of p.words) {
        words.add(w);
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
      await slicer.tick();
    }
    for (const w of entityWords) words.add(w);
  }

  const maps: DerivedMaps = {
    dealsByGroup,
    dealSetsByGroup,
    factsBySubject,
    titleTerms,
    properNouns: nouns,
    dealsByValue,
    dealsByCount,
    titleGroups,
    titleEntities,
    headline,
    capacityGw,
    dealShape,
    dealsByHeadline,
    dataWords,
    wordDeals,
  };
  return { maps, dealDocs, factDocs };
}

/** The index a change is applied to, and the deals whose part may differ from it (added, removed, or changed with any of their facts). */
export interface Base {
  readonly old: SearchIndex;
  readonly changed: ReadonlySet<string>;
}

function partsChange(base: Base, kb: KnowledgeBase, matcher: EntityMatcher, memo: IndexMemo, canonical: readonly DealPart[], sorted: readonly DealPart[]): PartsChange {
  const byId = new Map(canonical.map((p) => [p.deal.id, p]));
  const before = new Map<string, DealPart | undefined>();
  const after = new Map<string, DealPart | undefined>();
  for (const id of base.changed) {
    const was = base.old.kb.deals.get(id);
    before.set(id, was ? dealPart(base.old.kb, was, base.old.matcher, memo, false) : undefined);
    after.set(id, byId.get(id));
  }
  return {
    before,
    after,
    partOf: (id) => byId.get(id),
    sortedIndex: new Map(sorted.map((p, i) => [p.deal.id, i])),
    canonicalIndex: new Map(canonical.map((p, i) => [p.deal.id, i])),
  };
}

/** Words of entity names and aliases, once per matcher (the entities it was made from). */
function entityWordsOf(kb: KnowledgeBase, matcher: EntityMatcher, memo: IndexMemo): ReadonlySet<string> {
  let words = memo.entityWords.get(matcher);
  if (!words) {
    const set = new Set<string>();
    for (const e of kb.entities.values()) {
      for (const name of [e.name, ...e.aliases]) for (const w of normalize(name).split(/[^\p{L}\d]+/u)) if (w.length >= 3) set.add(w);
    }
    memo.entityWords.set(matcher, (words = set));
  }
  return words;
}

function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
