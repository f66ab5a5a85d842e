import type { Deal } from "../../kb/types.js";
import { IndexCache } from "../index-caches.js";
import { lemma } from "../read/lemmas.js";
import type { SearchIndex } from "../search-index.js";

/**
 * What retrieval reads of deal titles, cached per deal for each index (index-caches.ts): the
 * title's words as lemmas, its capitalised words that name no entity, and the deals whose title
 * names a group.
 */

const titleWordCache = new IndexCache<ReadonlySet<string>>("deal", 50_000);
const TITLE_NOISE = new Set(["the", "and", "for", "with", "deal", "agreement", "of", "in", "on", "to"]);

/**
 * Fill the per-deal caches retrieval reads (title nouns and words, the title-groups map), so the
 * first question after a reload does not build them for thousands of deals at once.
 */
export function warmRetrieval(index: SearchIndex, deal: Deal): void {
  titleNouns(index, deal);
  titleWordsOf(index, deal);
}

/** Build the titled-deals map in time slices (in one step it took 25–95 ms at 100k facts). */
export async function warmTitledDeals(index: SearchIndex, tick: () => Promise<void> | undefined): Promise<void> {
  if (titledCache.has(index)) return;
  const map = new Map<string, string[]>();
  let n = 0;
  for (const [dealId, groups] of index.titleGroups) {
    addTitled(map, dealId, groups);
    if (++n % 256 === 0) await tick();
  }
  if (!titledCache.has(index)) titledCache.set(index, map);
}

/** A deal's title words, lemmatised, computed once per deal. */
export function titleWordsOf(index: SearchIndex, deal: Deal): ReadonlySet<string> {
  let words = titleWordCache.get(index, deal.id);
  if (!words) {
    words = new Set(deal.title.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 2 && !TITLE_NOISE.has(w)).map((w) => lemma(w)));
    titleWordCache.set(index, deal.id, words);
  }
  return words;
}

const titleNounCache = new IndexCache<readonly string[]>("deal", 50_000);

/** Capitalised words of a deal's title that name no entity ("Michigan", "Norway"), computed once per deal. */
export function titleNouns(index: SearchIndex, deal: Deal): readonly string[] {
  let nouns = titleNounCache.get(index, deal.id);
  if (!nouns) {
    nouns = [...deal.title.matchAll(/\p{Lu}[\p{L}]{2,}/gu)].map((m) => m[0]).filter((w) => !GENERIC_TITLE_WORDS.has(w.toLowerCase()) && index.matcher.recognise(w).length === 0).map((w) => w.toLowerCase());
    titleNounCache.set(index, deal.id, nouns);
  }
  return nouns;
}

const GENERIC_TITLE_WORDS = new Set(["the", "and", "cloud", "data", "center", "agreement", "deal", "joint", "venture", "project", "gpu", "ai", "investment", "capacity", "compute", "contract", "partnership", "equity", "group", "infrastructure", "tpu", "instinct"]);

const titledCache = new WeakMap<SearchIndex, Map<string, string[]>>();

/** The titled-deals map of `from` serves `to` when both have the same title groups (a diff that leaves every title's groups as they were). */
export function carryTitledDeals(from: SearchIndex, to: SearchIndex): void {
  const map = titledCache.get(from);
  if (map && from.titleGroups === to.titleGroups && !titledCache.has(to)) titledCache.set(to, map);
}

/** Deals whose title names the group ("Stargate UAE" for Stargate) though it is not listed as a party. */
export function titledDeals(index: SearchIndex, group: string): string[] {
  let map = titledCache.get(index);
  if (!map) {
    map = new Map();
    for (const [dealId, groups] of index.titleGroups) addTitled(map, dealId, groups);
    titledCache.set(index, map);
  }
  return map.get(group) ?? [];
}

/** Pushed in place: copying each list per deal made this quadratic in a company's deals (25–95 ms at 100k facts). */
function addTitled(map: Map<string, string[]>, dealId: string, groups: ReadonlySet<string>): void {
  for (const g of groups) {
    const list = map.get(g);
    if (list) list.push(dealId);
    else map.set(g, [dealId]);
  }
}
