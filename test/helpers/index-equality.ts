import { answerQuestion } from "../../src/engine/answer.js";
import type { SearchIndex } from "../../src/engine/search-index.js";

/** Questions over the bundled data: figures, lists, rankings, totals, comparisons, quotes. */
export const QUESTIONS = [
  "How much is OpenAI's AWS deal worth?",
  "how much did microsoft pay to acquire openai",
  "How many gigawatts will Oracle supply OpenAI?",
  "When will the AWS capacity be fully deployed?",
  "How much is Nvidia investing in OpenAI?",
  "How much is Nvidia worth?",
  "Is the AWS deal worth $38 billion?",
  "what did altman say about compute?",
  "how long does the Microsoft Lambda deal run?",
  "Which companies has Anthropic signed compute deals with?",
  "How much has OpenAI committed in total?",
  "what's the newest deal?",
  "deals over $100 billion",
  "Compare the Oracle and AWS deals",
  "how much is nvidia worth vs openai",
  "biggest deals",
  "list all of metas infra deals",
  "who reported the stargate figure?",
  "coreweave landlords",
  "what is the abilene site",
  "opnai amazn deal value",
  "longest deal by duration",
];

export const SEARCHES = ["openai aws", "stargate", "nvidia investment", "gigawatts capacity", "coreweave", "oracle cloud contract", "microsoft", "chips", "phase", "curators"];

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Search results as (id, score), ties in id order: an index updated in place may order equal scores differently. */
function results(search: { search(q: string, o?: object): Array<{ id: unknown; score: number }> }, q: string): string[] {
  return search
    .search(q, { fuzzy: 0.2, prefix: true })
    .map((r) => ({ id: String(r.id), score: round(r.score) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => `${r.id} ${r.score}`);
}

const entries = (m: ReadonlyMap<unknown, unknown>) => [...m].map(([k, v]) => [k, plain(v)]);
function plain(v: unknown): unknown {
  if (v instanceof Map) return entries(v);
  if (v instanceof Set) return [...v].map(plain);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}
const sortedEntries = (m: ReadonlyMap<string, unknown>) => entries(m).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

/**
 * What two indexes serve, in a form to compare: the knowledge base in order, every derived map
 * (those only ever looked up by key compared regardless of key order), search results for fixed
 * queries and the engine's answers to fixed questions.
 */
export function served(index: SearchIndex) {
  return {
    facts: entries(index.kb.facts).map(([k, v]) => [k, JSON.stringify(v)]),
    deals: entries(index.kb.deals).map(([k, v]) => [k, JSON.stringify(v)]),
    sources: [...index.kb.sources.keys()],
    disputes: entries(index.kb.disputes),
    version: index.kb.version,
    dealsByGroup: entries(index.dealsByGroup),
    dealSetsByGroup: entries(index.dealSetsByGroup),
    factsBySubject: sortedEntries(index.factsBySubject),
    titleTerms: [...index.titleTerms],
    properNouns: sortedEntries(index.properNouns),
    dealsByValue: entries(index.dealsByValue),
    dealsByCount: entries(index.dealsByCount),
    titleGroups: entries(index.titleGroups),
    titleEntities: entries(index.titleEntities),
    headline: entries(index.headline),
    capacityGw: entries(index.capacityGw),
    dealShape: entries(index.dealShape),
    dealsByHeadline: index.dealsByHeadline,
    dataWords: [...index.dataWords].sort(),
    wordDeals: sortedEntries(index.wordDeals),
    dealCount: index.dealSearch.documentCount,
    factCount: index.factSearch.documentCount,
    dealSearch: SEARCHES.map((q) => results(index.dealSearch, q)),
    factSearch: SEARCHES.map((q) => results(index.factSearch, q)),
    answers: QUESTIONS.map((q) => JSON.stringify(answerQuestion(index, q).answer)),
  };
}
