import type MiniSearch from "minisearch";
import type { KnowledgeBase } from "../kb/types.js";
import { TimeSlicer } from "../time-slicer.js";
import { deriveMaps } from "./derive-maps.js";
import { FactWordCache } from "./fact-words.js";
import type { StaleIds } from "./index-caches.js";
import { dealPart, factDoc, type IndexMemo } from "./index-parts.js";
import { buildIndex, matcherFor, type SearchIndex } from "./search-index.js";

/** A new index ready to serve; `commit` applies what it shares with the old one and must run in the same synchronous step as the swap. */
export interface PreparedIndex {
  readonly index: SearchIndex;
  readonly commit: () => void;
  /** "diff": the search engines are the old ones, changed by `commit`; "rebuild": built aside. */
  readonly how: "diff" | "rebuild";
  /** Fact ids added, removed, or holding another object than in the old index. */
  readonly facts: Changed;
  /** The deals and facts whose cached values may differ from the old index's (index-caches.ts); unset when the entities changed. */
  readonly stale?: StaleIds;
}

/** Past this share of changed facts (or any entity change), building aside is cheaper than applying the change. */
export const MAX_DIFF_SHARE = 0.05;

/**
 * The index for `kb`, made from `old` by applying the difference: derived maps are gathered again
 * from per-object parts (only changed deals and facts are computed), and the search engines get
 * MiniSearch's remove and add for the documents that changed (see plan). Those calls are deferred
 * to `commit`, so until the swap the old index answers exactly as before, and a question never sees
 * half a change. A large change (or new entities, which change the matcher and every deal's
 * parties text) is built aside instead.
 */
export async function updateIndex(old: SearchIndex, kb: KnowledgeBase, memo: IndexMemo, candidates?: Candidates, rebuild = false): Promise<PreparedIndex> {
  const slicer = new TimeSlicer();
  const matcher = matcherFor(kb, old);
  const { deals, facts } = candidates ? await changedAmong(old.kb, kb, candidates, slicer) : { deals: await changedKeys(old.kb.deals, kb.deals, slicer), facts: await changedKeys(old.kb.facts, kb.facts, slicer) };
  // With the same matcher (the same entities), the engine's cached values of every other deal and
  // fact hold for the new index whether it is a diff or built aside (index-caches.ts).
  const sameMatcher = matcher === old.matcher;
  if (rebuild || !sameMatcher || facts.count > MAX_DIFF_SHARE * Math.max(kb.facts.size, old.kb.facts.size)) {
    const stale = sameMatcher ? await staleIds(old.kb, kb, deals, facts, slicer) : undefined;
    return { index: await buildIndex(kb, memo, old), commit: () => undefined, how: "rebuild", facts, ...(stale ? { stale } : {}) };
  }
  const stale = await staleIds(old.kb, kb, deals, facts, slicer);
  const changedDeals = stale.deals;
  const derived = await deriveMaps(kb, matcher, memo, slicer, false, { old, changed: changedDeals });
  const ops: Array<() => void> = [];

  const factDocIn = (id: string, from: KnowledgeBase) => {
    const f = from.facts.get(id);
    return f ? factDoc(f) : undefined;
  };
  plan(ops, old.factSearch, facts, (id) => factDocIn(id, old.kb), (id) => factDocIn(id, kb), (a, b) => a.label === b.label);
  const dealDoc = (id: string, from: KnowledgeBase) => {
    const d = from.deals.get(id);
    return d ? dealPart(from, d, from === kb ? matcher : old.matcher, memo, from === kb).doc : undefined;
  };
  plan(ops, old.dealSearch, deals, (id) => dealDoc(id, old.kb), (id) => dealDoc(id, kb), (a, b) => a.title === b.title && a.parties === b.parties && a.summary === b.summary);

  const index: SearchIndex = {
    ...derived.maps,
    kb,
    matcher,
    dealSearch: old.dealSearch,
    factSearch: old.factSearch,
    factWords: new FactWordCache(),
    builtAt: new Date(),
  };
  return { index, commit: () => ops.forEach((op) => op()), how: "diff", facts, stale };
}

/** The deals added, removed or changed, with the deals of every fact added, removed or changed; and those facts. */
async function staleIds(before: KnowledgeBase, after: KnowledgeBase, deals: Changed, facts: Changed, slicer: TimeSlicer): Promise<StaleIds & { deals: Set<string> }> {
  const dealIds = new Set([...deals.added, ...deals.changed, ...deals.removed]);
  const factIds = new Set<string>();
  for (const list of [facts.added, facts.changed, facts.removed]) {
    for (const id of list) {
      factIds.add(id);
      for (const from of [before, after]) {
        const dealId = from.facts.get(id)?.dealId;
        if (dealId !== undefined) dealIds.add(dealId);
      }
      if (factIds.size % 1024 === 0) await slicer.tick();
    }
  }
  return { deals: dealIds, facts: factIds };
}

export interface Changed {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly count: number;
}

/** Ids that may differ between two knowledge bases; every other id holds the same object in both (see candidateChanges). */
export interface Candidates {
  readonly deals: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
}

/**
 * The changes among the candidates, plus deals only one side has and the facts of every deal that
 * changed (a fact can come or go only with its deal's file). Reads the deals' ids, never all facts.
 */
async function changedAmong(before: KnowledgeBase, after: KnowledgeBase, candidates: Candidates, slicer: TimeSlicer): Promise<{ deals: Changed; facts: Changed }> {
  // In time slices: after a full reload every linked deal and its facts are candidates (a one-step
  // pass over them and their ids blocked the loop for ~40 ms at 100k facts).
  const deals = new Set(candidates.deals);
  let n = 0;
  for (const id of after.deals.keys()) {
    if (!before.deals.has(id)) deals.add(id);
    if (++n % 1024 === 0) await slicer.tick();
  }
  for (const id of before.deals.keys()) {
    if (!after.deals.has(id)) deals.add(id);
    if (++n % 1024 === 0) await slicer.tick();
  }
  const facts = new Set(candidates.facts);
  for (const id of deals) {
    for (const f of before.deals.get(id)?.factIds ?? []) facts.add(f);
    for (const f of after.deals.get(id)?.factIds ?? []) facts.add(f);
    if (++n % 256 === 0) await slicer.tick();
  }
  return { deals: await compare(before.deals, after.deals, deals, slicer), facts: await compare(before.facts, after.facts, facts, slicer) };
}

async function compare(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>, ids: Iterable<string>, slicer: TimeSlicer): Promise<Changed> {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  let n = 0;
  for (const id of ids) {
    const was = before.get(id);
    const now = after.get(id);
    if (was === undefined && now !== undefined) added.push(id);
    else if (was !== undefined && now === undefined) removed.push(id);
    else if (was !== now) changed.push(id);
    if (++n % 1024 === 0) await slicer.tick();
  }
  return { added, changed, removed, count: added.length + changed.length + removed.length };
}

/** Keys added, removed, or holding another object (an unchanged fact or deal is the same object, see integrity.ts). */
async function changedKeys(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>, slicer: TimeSlicer): Promise<Changed> {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  let n = 0;
  for (const [id, v] of after) {
    const was = before.get(id);
    if (was === undefined) added.push(id);
    else if (was !== v) changed.push(id);
    if (++n % 1024 === 0) await slicer.tick();
  }
  for (const id of before.keys()) {
    if (!after.has(id)) removed.push(id);
    if (++n % 1024 === 0) await slicer.tick();
  }
  return { added, changed, removed, count: added.length + changed.length + removed.length };
}

/**
 * The search-engine calls for a change: remove what went, add what came, and remove then add a
 * document whose text changed. MiniSearch's `discard` (and `replace`, which uses it) leaves the
 * discarded document's terms in the inverted index until a vacuum, and scores computed meanwhile
 * count them in a term's document frequency: measured on the bundled data, scores differed from a
 * fresh build by up to 1%. `remove` takes the old document, which the old index's parts hold, and
 * leaves the index exactly as a fresh build would (equal scores may come out in another order).
 */
function plan<D extends { id: string }>(
  ops: Array<() => void>,
  search: MiniSearch<D>,
  keys: Changed,
  before: (id: string) => D | undefined,
  after: (id: string) => D | undefined,
  same: (a: D, b: D) => boolean,
): void {
  const removed: D[] = [];
  const added: D[] = [];
  for (const id of keys.removed) {
    const was = before(id);
    if (was) removed.push(was);
  }
  for (const id of keys.added) {
    const doc = after(id);
    if (doc) added.push(doc);
  }
  for (const id of keys.changed) {
    const was = before(id);
    const doc = after(id);
    if (was && doc && !same(was, doc)) {
      removed.push(was);
      added.push(doc);
    }
  }
  if (removed.length > 0) ops.push(() => search.removeAll(removed));
  if (added.length > 0) ops.push(() => search.addAll(added));
}
