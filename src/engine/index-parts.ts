import type { Deal, Fact, KnowledgeBase } from "../kb/types.js";
import type { Metric } from "../kb/vocabulary.js";
import type { EntityMatcher } from "./entity-matcher.js";
import { formatFact } from "./format.js";
import { normalize, tokenize } from "./text.js";

/** Money metrics in the order a "how much" question falls back through them. */
export const MONEY_METRICS: readonly Metric[] = ["deal-value", "investment", "funding-round", "expansion-value", "spending", "debt", "annual-value", "equity"];

/** What one deal contributes to the index's derived maps, computed once per deal object and its facts. */
export interface DealPart {
  readonly deal: Deal;
  /** The deal's facts when this was computed: the part is stale once any of them is another object. */
  readonly facts: ReadonlyArray<Fact | undefined>;
  readonly matcher: EntityMatcher;
  readonly doc: { readonly id: string; readonly title: string; readonly parties: string; readonly summary: string };
  /** Entity groups of its parties, first appearance first. */
  readonly groups: readonly string[];
  /** Distinct tokens of its title. */
  readonly titleTokens: readonly string[];
  /** Proper nouns of its title and summary, lower-cased, in order. */
  readonly names: readonly string[];
  readonly titleGroups: ReadonlySet<string>;
  readonly titleEntities: ReadonlySet<string>;
  readonly headline: number;
  readonly capacityGw: number;
  /** Distinct words (3+ letters) of its title, summary and facts' labels and texts, first use first. */
  readonly words: readonly string[];
  /** Of its facts, in order and each once: proper nouns of the quotes, dollar values, chip or server counts. */
  readonly quoteNames: readonly string[];
  readonly values: readonly number[];
  readonly counts: readonly number[];
  /** Facts with a subject or speaker: [entity group, fact id], subject before speaker. */
  readonly subjects: ReadonlyArray<readonly [string, string]>;
}

export type DealDoc = DealPart["doc"];
export interface FactDoc {
  readonly id: string;
  /** The figure as displayed, its text and the curator's note: what the fact is about. */
  readonly label: string;
}

/**
 * Parts by the (frozen, reused) objects they were computed from: a reload recomputes the parts of
 * the deals it changed (with their facts) and reuses every other one. Owned by the caller that rebuilds
 * (LiveIndex), passed in.
 */
export class IndexMemo {
  readonly deals = new WeakMap<Deal, DealPart>();
  /** Words of entity names and aliases, per matcher. */
  readonly entityWords = new WeakMap<EntityMatcher, ReadonlySet<string>>();
}

const PROPER_NOUN = /(?<=[\s(“"])(?:\p{Lu}[\p{Ll}][\p{L}]+|\p{Lu}{2,5}(?![\p{L}]))/gu;
const namesIn = (s: string) => [...s.matchAll(PROPER_NOUN)].map((m) => m[0].toLowerCase());

/** A fact's search document, made when needed rather than kept: 100k kept labels cost heap, and a diff needs a few. */
export function factDoc(fact: Fact): FactDoc {
  return { id: fact.id, label: `${formatFact(fact)} ${fact.note ?? ""}` };
}

/** The deal's part, computed unless the memo holds one for the same matcher and facts; `remember` false leaves the memo as it was (a part of the index being replaced). */
export function dealPart(kb: KnowledgeBase, deal: Deal, matcher: EntityMatcher, memo: IndexMemo, remember = true): DealPart {
  const facts = deal.factIds.map((id) => kb.facts.get(id));
  const known = memo.deals.get(deal);
  if (known && known.matcher === matcher && known.facts.every((f, i) => f === facts[i])) return known;
  const partyNames = deal.parties
    .map((p) => kb.entities.get(p.entity))
    .flatMap((e) => (e ? [e.name, ...e.aliases] : []))
    .join(" ");
  const named = matcher.recognise(deal.title).filter((m) => m.exact);
  const current = facts.filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && f.subject === undefined);
  const money = MONEY_METRICS.map((m) => current.find((f) => f.metric === m && f.unit === "USD")).find((f) => f !== undefined);
  const cap = current.find((f) => f.metric === "capacity" && (f.unit === "GW" || f.unit === "MW") && f.value !== undefined);
  const words = new Set<string>();
  const addWords = (text: string | undefined) => {
    if (!text) return;
    for (const w of normalize(text).split(/[^\p{L}\d]+/u)) if (w.length >= 3) words.add(w);
  };
  addWords(deal.title);
  addWords(deal.summary);
  for (const f of facts) {
    addWords(f?.label);
    addWords(f?.text);
  }
  const part: DealPart = {
    deal,
    facts,
    matcher,
    doc: { id: deal.id, title: deal.title, parties: partyNames, summary: deal.summary },
    groups: [...new Set(deal.parties.map((p) => matcher.groupOf(p.entity)))],
    titleTokens: [...new Set(tokenize(deal.title))],
    names: namesIn(` ${deal.title} ${deal.summary}`),
    titleGroups: new Set(named.map((m) => m.group)),
    titleEntities: new Set(named.map((m) => m.entityId)),
    headline: money?.value ?? money?.range?.max ?? 0,
    capacityGw: cap ? (cap.unit === "MW" ? cap.value! / 1000 : cap.value!) : 0,
    words: [...words],
    ...factContributions(facts, matcher),
  };
  if (remember) memo.deals.set(deal, part);
  return part;
}

/** What a deal's facts add to the maps keyed by name, value and subject; a deal adds each key once, at its first fact with it. */
function factContributions(facts: ReadonlyArray<Fact | undefined>, matcher: EntityMatcher) {
  const quoteNames = new Set<string>();
  const values = new Set<number>();
  const counts = new Set<number>();
  const subjects: Array<readonly [string, string]> = [];
  for (const fact of facts) {
    if (!fact) continue;
    for (const name of namesIn(fact.quote)) quoteNames.add(name);
    if (fact.unit === "USD" && fact.value !== undefined) values.add(fact.value);
    if ((fact.metric === "chip-count" || fact.metric === "server-count") && fact.value !== undefined) counts.add(fact.value);
    if (fact.subject !== undefined) subjects.push([matcher.groupOf(fact.subject), fact.id]);
    if (fact.speaker !== undefined) subjects.push([matcher.groupOf(fact.speaker), fact.id]);
  }
  return { quoteNames: [...quoteNames], values: [...values], counts: [...counts], subjects };
}
