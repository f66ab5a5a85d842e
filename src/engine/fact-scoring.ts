import type { Deal, Fact } from "../kb/types.js";
import type { Metric, Unit } from "../kb/vocabulary.js";
import { factsOf, SUBJECT_METRICS } from "./retrieve.js";
import { wordIn } from "./fact-words.js";
import type { SearchIndex } from "./search-index.js";
import { stem } from "./text.js";

export interface FactQuery {
  /** Candidate deals, best first. */
  readonly deals: readonly Deal[];
  /** Metrics the question names, most specific first. */
  readonly explicit: readonly Metric[];
  /** Metrics a bare "how much" falls back to. */
  readonly fallback: readonly Metric[];
  /** Units the question points at ("how many GW" -> GW, MW). */
  readonly units: ReadonlySet<Unit>;
  /** Words of the question that could match a fact's own wording ("prepayment", "tranche"). */
  readonly keywords: readonly string[];
  /** Entity groups named: a figure about one of them is preferred, one about a stranger is not. */
  readonly groups: readonly string[];
  /** The exact entities named. */
  readonly entities: readonly string[];
  /** Facts about the named companies in other deals ("is OpenAI still relying on Azure?"). */
  readonly extraFacts: readonly string[];
  /** Metrics of the previous turn, when the question points back at it ("what's that worth?"). */
  readonly previous: readonly Metric[];
  readonly previousWeight: number;
  /** "Is it approved yet?": a fact whose own label says so answers it. */
  readonly yesNo: boolean;
  /** Weight of the first metric named; lower in yes/no questions, where the predicate is what's asked. */
  readonly explicitWeight: number;
  readonly lexicalWeight: number;
  /** A "when" question: only dates answer it. */
  readonly when: boolean;
}

export interface ScoredFact {
  readonly fact: Fact;
  readonly score: number;
  /** Position of the fact's metric among the explicit metrics, or -1. */
  readonly explicitRank: number;
  /** The fact's metric stands in for one asked (spending for investment). */
  readonly related: boolean;
  readonly lexical: number;
}

const DEALS_CONSIDERED = 12;
/** Metrics close enough to stand in for each other: "invest in compute" is a spending plan. */
const RELATED: Partial<Record<Metric, readonly Metric[]>> = {
  investment: ["spending", "equity", "tranche"],
  spending: ["investment", "deal-value"],
  "deal-value": ["spending", "expansion-value"],
  "funding-round": ["investment"],
  debt: ["equity"],
};
/** Figures that belong to one party of a deal: "how much is Nvidia putting in" wants Nvidia's. */
const OWNED_METRICS: ReadonlySet<Metric> = new Set(["investment", "tranche", "share-count", "equity"]);

/**
 * Rank the facts of the candidate deals for a question. Each signal is a small additive score:
 * the metric asked for, the unit asked for, words the fact's own quote shares with the question,
 * the deal's rank, and whether the figure is about the company asked about.
 */
export function scoreFacts(index: SearchIndex, q: FactQuery): ScoredFact[] {
  const deals = q.deals.slice(0, DEALS_CONSIDERED);
  const inDeals = deals.flatMap((d) => factsOf(index, d.id));
  const seen = new Set(inDeals.map((f) => f.id));
  const extra = [...new Set(q.extraFacts)].filter((id) => !seen.has(id)).map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);
  const facts = [...inDeals, ...extra];
  const outside = new Set(extra.map((f) => f.id));
  const dealRank = new Map(deals.map((d, i) => [d.id, i]));
  const lexical = lexicalScores(index, facts, q.keywords);
  const groups = new Set(q.groups);
  // A figure restated by several sources goes stale together when one of them is superseded.
  const staleKeys = new Set(facts.filter((f) => f.supersededBy !== undefined).map(staleKey));

  const scored = facts.map((fact) => {
    const explicitRank = q.explicit.indexOf(fact.metric);
    const related = explicitRank < 0 && q.explicit.some((m) => RELATED[m]?.includes(fact.metric));
    const fallbackRank = q.fallback.indexOf(fact.metric);
    const lex = lexical.get(fact.id) ?? 0;
    const previous = q.previous.includes(fact.metric);
    let score = 0;
    if (explicitRank >= 0) score += explicitRank === 0 ? q.explicitWeight : Math.min(2, q.explicitWeight);
    else if (related) score += 1.5;
    else if (fallbackRank >= 0) score += fallbackRank === 0 ? 1.8 : 1 - fallbackRank * 0.05;
    if (q.units.has(fact.unit)) score += 1;
    if (previous) score += q.previousWeight;
    if (q.when && fact.unit !== "date") score -= 3;
    score += lex * q.lexicalWeight;
    if (q.yesNo && lex >= 0.99) score += 2;
    const rank = dealRank.get(fact.dealId) ?? DEALS_CONSIDERED;
    score += rank === 0 ? 1.5 : rank === 1 ? 0.8 : rank === 2 ? 0.5 : 0.2;
    // Whose figure it is only matters once the figure is of the kind asked for.
    const relevant = explicitRank >= 0 || fallbackRank >= 0 || lex > 0 || previous;
    if (relevant && fact.subject !== undefined) {
      // A figure about the very thing named ("Project Rainier", not just Amazon) is what was asked.
      if (q.entities.includes(fact.subject)) score += 0.6;
      if (SUBJECT_METRICS.has(fact.metric) || OWNED_METRICS.has(fact.metric)) {
        const group = index.matcher.groupOf(fact.subject);
        if (group === q.groups[0]) score += 0.5;
        else if (!groups.has(group) && SUBJECT_METRICS.has(fact.metric)) score -= 1;
      }
    }
    if (fact.supersededBy !== undefined || staleKeys.has(staleKey(fact))) score -= 0.5;

    return { fact, score, explicitRank, related, lexical: lex };
  });
  // Facts from outside the candidate deals must earn their place with their own wording.
  return scored.filter((x) => !outside.has(x.fact.id) || x.lexical >= 0.99).sort((a, b) => b.score - a.score);
}

function staleKey(f: Fact): string {
  return `${f.dealId}|${f.metric}|${f.value ?? f.text ?? ""}`;
}

/**
 * How much of the question's distinctive wording each fact shares, from 0 to 1. A word found in
 * most candidate facts ("Stargate" among Stargate's facts) tells them apart no better than chance,
 * so it does not count; a word only in a quote that several facts share counts half.
 */
export function lexicalScores(index: SearchIndex, facts: readonly Fact[], keywords: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (keywords.length === 0 || facts.length === 0) return out;
  const stems = [...new Set(keywords.map(stem))];
  const words = facts.map((f) => index.factWords.of(f));
  const perWord = stems.map((k) => facts.flatMap((f, i) => {
    const where = wordIn(words[i]!, k);
    return where ? [{ id: f.id, inLabel: where === "label" }] : [];
  }));
  const useful = perWord.filter((hits) => hits.length > 0 && hits.length <= Math.max(3, facts.length * 0.25));
  if (useful.length === 0) return out;
  for (const hits of useful) for (const h of hits) out.set(h.id, (out.get(h.id) ?? 0) + (h.inLabel ? 1 : 0.5) / useful.length);
  return out;
}
