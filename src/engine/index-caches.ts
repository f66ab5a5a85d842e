import type { SearchIndex } from "./search-index.js";

/**
 * The answer engine's per-deal and per-fact caches, one map per index object, and how an index
 * made as a diff of another takes over its entries.
 *
 * Each cached value is a function of one deal (its object, the objects of its facts, the entity
 * matcher and entities) or of one fact (its object and the entities). An index prepared as a diff
 * has the matcher and entities of the index it was made from (a change to any entity is built
 * aside), and every deal and fact it does not list as changed is the same object in both (see
 * index-update.ts). So an entry for an id not listed as stale holds exactly what the new index
 * would compute, and is copied over instead of computed again: at 100k facts, warming the caches
 * of the new index object was 0.35–0.45 s of a one-file reload, nearly all of it recomputing
 * values for unchanged deals. A test compares every carried entry with a fresh computation.
 */
export class IndexCache<V> {
  private readonly maps = new WeakMap<SearchIndex, Map<string, V>>();

  /** `keyedBy`: what the ids are; `limit`: past this many entries the map is emptied before the next entry (bounds memory). */
  constructor(
    readonly keyedBy: "deal" | "fact",
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {
    CACHES.push(this as IndexCache<unknown>);
  }

  get(index: SearchIndex, id: string): V | undefined {
    return this.maps.get(index)?.get(id);
  }

  set(index: SearchIndex, id: string, value: V): void {
    let map = this.maps.get(index);
    if (!map) this.maps.set(index, (map = new Map()));
    if (map.size > this.limit) map.clear();
    map.set(id, value);
  }

  /** The entries of `from` whose id is not stale, added to those of `to`. */
  async carry(from: SearchIndex, to: SearchIndex, stale: ReadonlySet<string>, tick: () => Promise<void> | undefined): Promise<void> {
    const source = this.maps.get(from);
    if (!source || from === to) return;
    let n = 0;
    // A snapshot of the keys: questions on `from` may still add entries while this yields.
    for (const id of [...source.keys()]) {
      const value = source.get(id);
      if (value !== undefined && !stale.has(id) && this.get(to, id) === undefined) this.set(to, id, value);
      if (++n % 1024 === 0) await tick();
    }
  }

  /** The ids cached for an index (tests). */
  idsOf(index: SearchIndex): string[] {
    return [...(this.maps.get(index)?.keys() ?? [])];
  }
}

const CACHES: Array<IndexCache<unknown>> = [];

/** Every engine cache made so far (tests). */
export const allCaches = (): ReadonlyArray<IndexCache<unknown>> => CACHES;

/** What differs between an index and the one it was made from as a diff. */
export interface StaleIds {
  /** Deals added, removed or changed, with the deals of every fact added, removed or changed. */
  readonly deals: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
}

/** Every engine cache of `from`, carried over to `to` but for the stale ids. */
export async function carryCaches(from: SearchIndex, to: SearchIndex, stale: StaleIds, tick: () => Promise<void> | undefined): Promise<void> {
  for (const cache of CACHES) await cache.carry(from, to, cache.keyedBy === "deal" ? stale.deals : stale.facts, tick);
}
