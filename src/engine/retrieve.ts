import type { Deal, Fact } from "../kb/types.js";
import type { Metric } from "../kb/vocabulary.js";
import type { EntityMention } from "./entity-matcher.js";
import { formatFact } from "./format.js";
import { GENERIC_DEAL_WORDS, KNOWN_WORDS } from "./intent.js";
import { MONEY_METRICS, type SearchIndex } from "./search-index.js";
import { editDistance, normalize, stem, STOPWORDS } from "./text.js";

export { MONEY_METRICS } from "./search-index.js";

/** Metrics that describe a company rather than a deal: looked up by subject across deals. */
export const SUBJECT_METRICS: ReadonlySet<Metric> = new Set(["valuation", "market-value", "share-price", "share-move", "revenue", "backlog", "stake", "statement"]);

/** Words of a question that could name a deal ("Stargate", "Hyperion", "Abilene"). */
export function dealKeywords(tokens: readonly string[], mentions: readonly EntityMention[], index: SearchIndex): string[] {
  const entityWords = new Set<string>();
  for (const m of mentions) {
    const e = index.kb.entities.get(m.entityId);
    for (const name of e ? [e.name, ...e.aliases] : []) for (const w of normalize(name).split(/\W+/)) entityWords.add(w);
  }
  const out: string[] = [];
  for (const raw of tokens) {
    const t = TITLE_SYNONYMS[raw] ?? raw;
    if (t.length < 3 || STOPWORDS.has(t) || GENERIC_DEAL_WORDS.has(t) || entityWords.has(t)) continue;
    if (index.titleTerms.has(t) || /^\$?\d/.test(t)) out.push(t);
    else {
      const near = t.length >= 6 ? [...index.titleTerms].find((term) => term[0] === t[0] && editDistance(t, term, 1) <= 1) : undefined;
      out.push(near ?? t);
    }
  }
  return out;
}

/** Cue words in any inflection: "investing" is the investment cue, not a word to match in quotes. */
const KNOWN_STEMS: ReadonlySet<string> = new Set([...KNOWN_WORDS].map(stem));

/** Cue words that also name a thing a fact can be about ("the warrant shares' worth"). */
const DESCRIPTIVE_CUES: ReadonlySet<string> = new Set(["warrant", "warrants", "shares"]);

/** How people say what deal titles call otherwise. */
const TITLE_SYNONYMS: Record<string, string> = { restructuring: "recapitalization", restructure: "recapitalization", recap: "recapitalization", jv: "joint" };

/** Words that carry no meaning of their own in a deal question. */
const QUESTION_NOISE = new Set("how much many worth deal deals agreement agreements contract contracts value big large whats what's tell about get gets got the thing lol pls please".split(" "));

/** The question's own words, for matching a fact's wording: no stopwords, no company names. */
export function contentWords(tokens: readonly string[], mentions: readonly EntityMention[], index: SearchIndex): string[] {
  const entityWords = new Set<string>();
  const named = mentions;
  for (const m of named) for (const w of m.text.split(" ")) entityWords.add(w);
  for (const m of named) {
    const e = index.kb.entities.get(m.entityId);
    for (const name of e ? [e.name, ...e.aliases] : []) for (const w of normalize(name).split(/\W+/)) entityWords.add(w);
  }
  // Years ("after 2026") frame a question rather than name a fact.
  return tokens.filter(
    (t) =>
      t.length >= 3 &&
      !STOPWORDS.has(t) &&
      !QUESTION_NOISE.has(t) &&
      (DESCRIPTIVE_CUES.has(t) || (!KNOWN_WORDS.has(t) && !KNOWN_STEMS.has(stem(t)))) &&
      !entityWords.has(t) &&
      !/^20\d\d$/.test(t),
  );
}

/** Deals named by the keywords: in their title, else by a rare word in their facts ("Abilene"). */
export function keywordDeals(index: SearchIndex, keywords: readonly string[]): Map<string, number> {
  const hits = new Map<string, number>();
  const titled = keywords.filter((k) => index.titleTerms.has(k));
  if (titled.length > 0) {
    const results = index.dealSearch.search(titled.join(" "), { fields: ["title"], combineWith: "OR", fuzzy: false, prefix: false });
    const top = results[0]?.score ?? 0;
    for (const r of results) if (r.score >= top * 0.6) hits.set(String(r.id), r.score);
  }
  for (const k of keywords.filter((k) => !index.titleTerms.has(k))) {
    const deals = index.properNouns.get(k);
    if (deals && deals.size <= 3) for (const d of deals) hits.set(d, (hits.get(d) ?? 0) + 1);
  }
  return hits;
}

/** Deals in which every named entity group takes part. */
export function dealsWithAll(index: SearchIndex, groups: readonly string[]): string[] {
  if (groups.length === 0) return [];
  const [first, ...rest] = groups;
  const sets = rest.map((g) => index.dealSetsByGroup.get(g));
  return (index.dealsByGroup.get(first ?? "") ?? []).filter((id) => sets.every((s) => s?.has(id)));
}

export function factsOf(index: SearchIndex, dealId: string, metric?: Metric): Fact[] {
  const deal = index.kb.deals.get(dealId);
  if (!deal) return [];
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
  return metric === undefined ? facts : facts.filter((f) => f.metric === metric);
}

/** The figure that best sums a deal up: its value, else the money in it, else its capacity. */
export function headlineFacts(
  index: SearchIndex,
  dealId: string,
  metrics: readonly Metric[] = [...MONEY_METRICS, "capacity", "chip-count"],
  /** Entity groups whose own figures count too (an investor's investment); others' do not. */
  subjects: readonly string[] = [],
): Fact[] {
  for (const metric of metrics) {
    const facts = factsOf(index, dealId, metric).filter(
      (f) => f.supersededBy === undefined && (f.subject === undefined || subjects.includes(index.matcher.groupOf(f.subject))),
    );
    if (facts.length > 0) return facts;
  }
  return [];
}

export function headlineValue(index: SearchIndex, dealId: string): number {
  return index.headline.get(dealId) ?? 0;
}

/**
 * Rank candidate deals: keyword hits first, then deals whose title names the companies asked
 * about, then deals naming the exact entity asked about (AWS
 * rather than Amazon), then originals before their revisions, then the largest, then two-party deals before consortia.
 */
export function rankDeals(index: SearchIndex, dealIds: readonly string[], mentions: readonly EntityMention[], keywordHits: ReadonlyMap<string, number>): Deal[] {
  const exactIds = new Set(mentions.map((m) => m.entityId));
  const deals = dealIds.map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
  const score = (d: Deal) => ({
    kw: keywordHits.get(d.id) ?? 0,
    // AWS and Amazon are one provider; a project ("Project Rainier") is named only by its own name.
    titled: mentions.reduce((n, m) => n + (index.titleEntities.get(d.id)?.has(m.entityId) && index.kb.entities.get(m.entityId)?.kind !== "company" ? 2 : index.titleGroups.get(d.id)?.has(m.group) ? 1 : 0), 0),
    exact: new Set(d.parties.filter((p) => exactIds.has(p.entity)).map((p) => p.entity)).size,
    // An expansion adds to the deal it revises, which stays "the deal"; a restatement replaces it.
    original: index.dealShape.get(d.id)?.revision ?? 0,
    parties: index.dealShape.get(d.id)?.groups ?? 0,
    value: headlineValue(index, d.id),
  });
  const scored = deals.map((d) => ({ d, s: score(d) }));
  scored.sort((a, b) => b.s.kw - a.s.kw || b.s.titled - a.s.titled || b.s.original - a.s.original || b.s.exact - a.s.exact || b.s.value - a.s.value || a.s.parties - b.s.parties);
  return scored.map((x) => x.d);
}

export interface Reading {
  /** The current figure, possibly reported by several sources. */
  readonly primary: Fact[];
  /** Rival reports of the same figure (a dispute group). */
  readonly rivals: Fact[][];
  /** Figures that a later one replaced. */
  readonly earlier: Fact[];
  /** Other figures for the same metric, not in dispute (e.g. a second capacity milestone). */
  readonly others: Fact[][];
}

/** Sort a deal's facts for one metric into the current reading, rival reports and history. */
export function readFacts(facts: readonly Fact[], preferred?: string): Reading | undefined {
  const current = facts.filter((f) => f.supersededBy === undefined || !facts.some((g) => g.id === f.supersededBy));
  const earlier = facts.filter((f) => !current.includes(f));
  const groups: Fact[][] = [];
  for (const f of current) {
    const same = groups.find((g) => formatFact(g[0]!) === formatFact(f) && (g[0]!.subject ?? "") === (f.subject ?? ""));
    if (same) same.push(f);
    else groups.push([f]);
  }
  const preferredAt = groups.findIndex((g) => g.some((f) => f.id === preferred));
  if (preferredAt > 0) groups.unshift(...groups.splice(preferredAt, 1));
  const first = groups[0];
  if (!first) return undefined;
  const disputeId = groups.flat().find((f) => f.dispute !== undefined)?.dispute;
  const inDispute = (g: Fact[]) => disputeId !== undefined && g.some((f) => f.dispute === disputeId);
  const disputed = groups.filter(inDispute);
  if (disputed.length >= 2) {
    return { primary: disputed[0]!, rivals: disputed.slice(1), earlier, others: groups.filter((g) => !inDispute(g)) };
  }
  return { primary: first, rivals: [], earlier, others: groups.slice(1) };
}
