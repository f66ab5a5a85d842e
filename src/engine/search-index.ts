import MiniSearch, { type Options } from "minisearch";
import type { KnowledgeBase } from "../kb/types.js";
import { TimeSlicer } from "../time-slicer.js";
import { deriveMaps } from "./derive-maps.js";
import { EntityMatcher } from "./entity-matcher.js";
import { FactWordCache } from "./fact-words.js";
import { addSliced } from "./search-add.js";
import { type DealDoc, type FactDoc, IndexMemo } from "./index-parts.js";
import { GENERIC_DEAL_WORDS } from "./read/cues.js";
import type { ReloadState } from "./reload-state.js";
import { stem, STOPWORDS, tokenize } from "./text.js";

/**
 * Everything the answer engine needs, built once per knowledge base and never mutated after:
 * a reload builds a new SearchIndex and swaps the reference.
 */
export interface SearchIndex {
  readonly kb: KnowledgeBase;
  readonly matcher: EntityMatcher;
  readonly dealSearch: MiniSearch<DealDoc>;
  readonly factSearch: MiniSearch<FactDoc>;
  /** Entity group -> deals it takes part in, newest first. */
  readonly dealsByGroup: ReadonlyMap<string, readonly string[]>;
  /** Entity group -> facts whose subject or speaker is in that group. */
  readonly factsBySubject: ReadonlyMap<string, readonly string[]>;
  /** Words that pick out a few deals by title ("Stargate", "Hyperion"), not generic ones ("agreement"). */
  readonly titleTerms: ReadonlySet<string>;
  /** A dollar value -> the deals with a fact of that value, for "the 38b figure". */
  readonly dealsByValue: ReadonlyMap<number, ReadonlySet<string>>;
  /** A chip or server count -> the deals reporting it, for "the 200k gpu deal". */
  readonly dealsByCount: ReadonlyMap<number, ReadonlySet<string>>;
  /** Proper nouns the data mentions ("Abilene", "Memphis", "Blackwell") -> the deals that mention them. */
  readonly properNouns: ReadonlyMap<string, ReadonlySet<string>>;
  /** The stemmed words of facts, filled as facts become candidates. */
  readonly factWords: FactWordCache;
  /** Each deal's headline money figure (0 when it has none) and capacity in GW, computed once. */
  readonly headline: ReadonlyMap<string, number>;
  readonly capacityGw: ReadonlyMap<string, number>;
  /** Real deals (not plans or market events), largest headline first. */
  readonly dealsByHeadline: readonly string[];
  /** Per deal: how many entity groups take part, and whether a later deal expands (1) or restates (-1) it. */
  readonly dealShape: ReadonlyMap<string, { readonly groups: number; readonly partyGroups: readonly string[]; readonly revision: -1 | 0 | 1 }>;
  /** dealsByGroup as sets, for membership tests. */
  readonly dealSetsByGroup: ReadonlyMap<string, ReadonlySet<string>>;
  /** Deal -> entity groups named in its title: "OpenAI–Oracle ..." is about OpenAI and Oracle. */
  readonly titleGroups: ReadonlyMap<string, ReadonlySet<string>>;
  /** Deal -> the exact entities named in its title ("AWS", not just the Amazon group). */
  readonly titleEntities: ReadonlyMap<string, ReadonlySet<string>>;
  /** Words the data itself uses (titles, summaries, fact labels and text, entity names, proper nouns). */
  readonly dataWords: ReadonlySet<string>;
  /** Word -> how many deals use it in their title, summary or fact labels and text. */
  readonly wordDeals: ReadonlyMap<string, number>;
  readonly builtAt: Date;
  /** What the load and build that made this index know, for the next reload (see reload-state.ts); unset for an index built alone. */
  readonly reload?: ReloadState;
}

export { MONEY_METRICS } from "./index-parts.js";

const processTerm = (term: string) => (STOPWORDS.has(term) ? null : stem(term));

const dealOptions: Options<DealDoc> = {
  fields: ["title", "parties", "summary"],
  tokenize,
  processTerm,
  searchOptions: { boost: { title: 3, parties: 2 }, processTerm, prefix: (t) => t.length >= 4, fuzzy: (t) => (t.length >= 5 ? 0.2 : false), weights: { fuzzy: 0.3, prefix: 0.6 } },
};

export const factOptions: Options<FactDoc> = {
  fields: ["label"],
  tokenize,
  processTerm,
  searchOptions: { processTerm, fuzzy: (t) => (t.length >= 5 ? 0.2 : false), weights: { fuzzy: 0.3, prefix: 0.6 } },
};

/**
 * Build the index. The work is cut into slices that yield to the event loop, so a reload at 100k
 * facts never stalls the gateway; the caller swaps the result in only once it is complete. With
 * the memo of an earlier build, the parts of unchanged deals and facts are reused.
 */
export async function buildIndex(kb: KnowledgeBase, memo = new IndexMemo(), reuse?: SearchIndex): Promise<SearchIndex> {
  const slicer = new TimeSlicer();
  const matcher = matcherFor(kb, reuse);
  const derived = await deriveMaps(kb, matcher, memo, slicer, true);
  const index: SearchIndex = {
    ...derived.maps,
    kb,
    matcher,
    dealSearch: new MiniSearch<DealDoc>(dealOptions),
    factSearch: new MiniSearch<FactDoc>(factOptions),
    factWords: new FactWordCache(),
    builtAt: new Date(),
  };
  // MiniSearch's addAllAsync waits a whole timer tick between chunks; slicing by time wastes less.
  await addSliced(index.dealSearch, derived.dealDocs, slicer);
  await addSliced(index.factSearch, derived.factDocs, slicer);
  return index;
}

/** The entity matcher of `reuse` when the entities are the same objects, else a new one. */
export function matcherFor(kb: KnowledgeBase, reuse: SearchIndex | undefined): EntityMatcher {
  if (reuse && sameValues(reuse.kb.entities, kb.entities)) return reuse.matcher;
  return new EntityMatcher(kb.entities.values(), GENERIC_DEAL_WORDS);
}

function sameValues<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
