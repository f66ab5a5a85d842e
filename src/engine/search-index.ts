import MiniSearch, { type Options } from "minisearch";
import type { Deal, Fact, KnowledgeBase } from "../kb/types.js";
import type { Metric } from "../kb/vocabulary.js";
import { TimeSlicer } from "../time-slicer.js";
import { EntityMatcher } from "./entity-matcher.js";
import { FactWordCache } from "./fact-words.js";
import { formatFact } from "./format.js";
import { GENERIC_DEAL_WORDS } from "./read/cues.js";
import { normalize, stem, STOPWORDS, tokenize } from "./text.js";

interface DealDoc {
  id: string;
  title: string;
  parties: string;
  summary: string;
}

interface FactDoc {
  id: string;
  /** The figure as displayed, its text and the curator's note: what the fact is about. */
  label: string;
}

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
}

/** Money metrics in the order a "how much" question falls back through them. */
export const MONEY_METRICS: readonly Metric[] = ["deal-value", "investment", "funding-round", "expansion-value", "spending", "debt", "annual-value", "equity"];

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
 * facts never stalls the gateway; the caller swaps the result in only once it is complete.
 */
export async function buildIndex(kb: KnowledgeBase): Promise<SearchIndex> {
  const slicer = new TimeSlicer();
  const parts = await prepare(kb, slicer);
  // MiniSearch's addAllAsync waits a whole timer tick between chunks; slicing by time wastes less.
  await addSliced(parts.dealSearch, parts.dealDocs, slicer);
  await addSliced(parts.factSearch, parts.factDocs, slicer);
  return parts.index;
}

async function addSliced<T>(search: MiniSearch<T>, docs: readonly T[], slicer: TimeSlicer): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) {
    search.addAll(docs.slice(i, i + 100));
    await slicer.tick();
  }
}

async function prepare(kb: KnowledgeBase, slicer: TimeSlicer) {
  const matcher = new EntityMatcher(kb.entities.values(), GENERIC_DEAL_WORDS);
  const partyNames = (deal: Deal) =>
    deal.parties
      .map((p) => kb.entities.get(p.entity))
      .flatMap((e) => (e ? [e.name, ...e.aliases] : []))
      .join(" ");

  await slicer.tick();
  const dealsByGroup = new Map<string, string[]>();
  const dealDocs: DealDoc[] = [];
  const sorted = [...kb.deals.values()].sort((a, b) => b.announced.sortKey - a.announced.sortKey);
  await slicer.tick();
  for (const deal of sorted) {
    await slicer.tick();
    dealDocs.push({ id: deal.id, title: deal.title, parties: partyNames(deal), summary: deal.summary });
    for (const group of new Set(deal.parties.map((p) => matcher.groupOf(p.entity)))) {
      pushTo(dealsByGroup, group, deal.id);
    }
  }

  const titleDf = new Map<string, number>();
  for (const deal of sorted) {
    await slicer.tick();
    for (const t of new Set(tokenize(deal.title))) titleDf.set(t, (titleDf.get(t) ?? 0) + 1);
  }
  const maxDf = Math.max(4, Math.ceil(sorted.length * 0.12));
  const titleTerms = new Set(
    [...titleDf].filter(([t, n]) => n <= maxDf && t.length >= 3 && !STOPWORDS.has(t) && !GENERIC_DEAL_WORDS.has(t) && !/^\$?\d/.test(t)).map(([t]) => t),
  );

  const factsBySubject = new Map<string, string[]>();
  const factDocs: FactDoc[] = [];
  const dealsByValue = new Map<number, Set<string>>();
  const dealsByCount = new Map<number, Set<string>>();
  const properNouns = new Map<string, Set<string>>();
  const collectNames = (s: string, dealId: string) => {
    for (const m of s.matchAll(/(?<=[\s(“"])(?:\p{Lu}[\p{Ll}][\p{L}]+|\p{Lu}{2,5}(?![\p{L}]))/gu)) addTo(properNouns, m[0].toLowerCase(), dealId);
  };
  for (const deal of sorted) {
    await slicer.tick();
    collectNames(` ${deal.title} ${deal.summary}`, deal.id);
  }
  for (const fact of kb.facts.values()) {
    await slicer.tick();
    collectNames(fact.quote, fact.dealId);
    if (fact.unit === "USD" && fact.value !== undefined) addTo(dealsByValue, fact.value, fact.dealId);
    if ((fact.metric === "chip-count" || fact.metric === "server-count") && fact.value !== undefined) addTo(dealsByCount, fact.value, fact.dealId);
    factDocs.push({ id: fact.id, label: `${formatFact(fact)} ${fact.note ?? ""}` });
    for (const ref of [fact.subject, fact.speaker]) {
      if (ref !== undefined) pushTo(factsBySubject, matcher.groupOf(ref), fact.id);
    }
  }
  const titleGroups = new Map<string, Set<string>>();
  const titleEntities = new Map<string, Set<string>>();
  for (const deal of sorted) {
    await slicer.tick();
    const named = matcher.recognise(deal.title).filter((m) => m.exact);
    titleGroups.set(deal.id, new Set(named.map((m) => m.group)));
    titleEntities.set(deal.id, new Set(named.map((m) => m.entityId)));
  }

  const headline = new Map<string, number>();
  const capacityGw = new Map<string, number>();
  for (const deal of sorted) {
    await slicer.tick();
    const facts = deal.factIds.map((id) => kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && f.subject === undefined);
    const money = MONEY_METRICS.map((m) => facts.find((f) => f.metric === m && f.unit === "USD")).find((f) => f !== undefined);
    headline.set(deal.id, money?.value ?? money?.range?.max ?? 0);
    const cap = facts.find((f) => f.metric === "capacity" && (f.unit === "GW" || f.unit === "MW") && f.value !== undefined);
    capacityGw.set(deal.id, cap ? (cap.unit === "MW" ? cap.value! / 1000 : cap.value!) : 0);
  }
  const dealShape = new Map<string, { groups: number; partyGroups: string[]; revision: -1 | 0 | 1 }>();
  for (const deal of sorted) {
    const restated = deal.revisedBy.some((r) => (kb.deals.get(r)?.factIds ?? []).some((id) => kb.facts.get(id)?.metric === "deal-value"));
    const partyGroups = [...new Set(deal.parties.map((p) => matcher.groupOf(p.entity)))];
    dealShape.set(deal.id, {
      groups: partyGroups.length,
      partyGroups,
      revision: deal.revisedBy.length === 0 ? 0 : restated ? -1 : 1,
    });
  }
  await slicer.tick();
  const dealsByHeadline = sorted
    .filter((d) => d.type !== "plan" && d.type !== "market-event")
    .map((d) => d.id)
    .sort((a, b) => (headline.get(b) ?? 0) - (headline.get(a) ?? 0));

  await slicer.tick();
  const dealSetsByGroup = new Map<string, Set<string>>();
  for (const [g, ids] of dealsByGroup) {
    dealSetsByGroup.set(g, new Set(ids));
    await slicer.tick();
  }

  // The reader's vocabulary, built here in time slices rather than on the first question after a
  // reload (at 100k facts that first question otherwise stalled the gateway for about a second).
  const dataWords = new Set<string>(properNouns.keys());
  const wordDeals = new Map<string, number>();
  const addWords = (text: string | undefined, seen?: Set<string>) => {
    if (!text) return;
    for (const w of normalize(text).split(/[^\p{L}\d]+/u)) {
      if (w.length < 3) continue;
      dataWords.add(w);
      if (seen && !seen.has(w)) {
        seen.add(w);
        wordDeals.set(w, (wordDeals.get(w) ?? 0) + 1);
      }
    }
  };
  for (const deal of sorted) {
    await slicer.tick();
    const seen = new Set<string>();
    addWords(deal.title, seen);
    addWords(deal.summary, seen);
    for (const id of deal.factIds) {
      const f = kb.facts.get(id);
      addWords(f?.label, seen);
      addWords(f?.text, seen);
    }
  }
  for (const e of kb.entities.values()) {
    addWords(e.name);
    for (const a of e.aliases) addWords(a);
  }

  const index: SearchIndex = {
    kb,
    matcher,
    dealSearch: new MiniSearch<DealDoc>(dealOptions),
    factSearch: new MiniSearch<FactDoc>(factOptions),
    dealsByGroup,
    dealSetsByGroup,
    factsBySubject,
    titleTerms,
    properNouns,
    dealsByValue,
    dealsByCount,
    titleGroups,
    titleEntities,
    factWords: new FactWordCache(),
    headline,
    capacityGw,
    dealShape,
    dealsByHeadline,
    dataWords,
    wordDeals,
    builtAt: new Date(),
  };
  return { index, dealDocs, factDocs, dealSearch: index.dealSearch, factSearch: index.factSearch };
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
