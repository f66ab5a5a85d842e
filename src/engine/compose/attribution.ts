import type { Deal, Fact } from "../../kb/types.js";
import type { Unit } from "../../kb/vocabulary.js";
import { lemma } from "../read/lemmas.js";
import type { StructuredQuery } from "../read/query.js";
import { dealsByName } from "../retrieve/candidates.js";
import { dealWords } from "../retrieve/deal-words.js";
import type { SearchIndex } from "../search-index.js";
import { dealHolds, figureMatches, heldElsewhere, POWER, powerMatches } from "../verify/premise.js";

/**
 * Whose deal or figure the question describes, when it is not the one asked about: the deal a
 * stated figure or a name belongs to ("the $38 billion deal is OpenAI's with AWS", "the Vizag hub
 * is Google's"). Used by the corrections in decline.ts.
 */

/**
 * The one deal, involving a company named, that the question's other words pick out: a figure or
 * count it holds, a name it uses ("visakhapatnam"), or two or more of its distinctive words
 * ("tpu", "licensing"). Undefined when none, or several, fit.
 */
export function describedDeal(index: SearchIndex, q: StructuredQuery, groups: readonly string[]): Deal | undefined {
  const involves = (id: string) => (index.dealShape.get(id)?.partyGroups ?? []).some((g) => groups.includes(g));
  const byName = [...dealsByName(index, q)].filter(involves);
  if (byName.length === 1) return index.kb.deals.get(byName[0]!);
  // "oracle's 1 million tpu deal with anthropic": the one deal of a company named that holds the figure stated.
  const holding = [...new Set(groups.flatMap((g) => index.dealsByGroup.get(g) ?? []))]
    .map((id) => index.kb.deals.get(id))
    .filter((d): d is Deal => d !== undefined && q.premise.figures.length > 0 && q.premise.figures.every((f) => dealHolds(index, d, f.value, f.unit)));
  if (holding.length === 1) return holding[0];
  const words = [...new Set([...q.specifics, ...q.keywords].map((w) => lemma(w)))];
  const pool = byName.length > 1 ? byName : [...new Set(groups.flatMap((g) => index.dealsByGroup.get(g) ?? []))];
  const least = byName.length > 1 ? 1 : 2;
  const scored = pool
    .map((id) => index.kb.deals.get(id))
    .filter((d): d is Deal => d !== undefined)
    .map((d) => ({ d, n: words.filter((w) => dealWords(index, d).all.has(w)).length }))
    .filter((x) => x.n >= least)
    .sort((a, b2) => b2.n - a.n);
  return scored.length > 0 && (scored.length === 1 || scored[0]!.n > scored[1]!.n) ? scored[0]!.d : undefined;
}

/** The fact that holds a stated count or power figure, in another deal of a company named. */
export function unitHolder(index: SearchIndex, q: StructuredQuery, deal: Deal, value: number, unit: Unit): Fact | undefined {
  const other = heldElsewhere(index, q, deal, value, unit);
  if (!other) return undefined;
  return other.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined && (f.unit === unit || (POWER.has(f.unit) && POWER.has(unit))) && (POWER.has(unit) ? powerMatches(value, unit, f) : figureMatches(value, f)));
}

/** The one deal, of none of the companies named, that a name of the question picks out and that holds any figure stated. */
export function describedElsewhere(index: SearchIndex, q: StructuredQuery, groups: readonly string[]): Deal | undefined {
  if (groups.length === 0) return undefined;
  const ids = [...dealsByName(index, q)].filter((id) => !groups.some((g) => (index.dealShape.get(id)?.partyGroups ?? []).includes(g)));
  const fits = ids.map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined && q.premise.figures.every((f) => dealHolds(index, d, f.value, f.unit)));
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * The fact, in another deal involving a company named, that holds a stated figure: "the $38 billion
 * deal is OpenAI's with AWS". Of several, the one whose wording shares most of the question's words
 * ("that $30b azure deal").
 */
export function holderOf(index: SearchIndex, value: number, notDeal: string, groups: readonly string[] = [], words: readonly string[] = [], minWords = 0): Fact | undefined {
  let best: { f: Fact; n: number } | undefined;
  for (const dealId of index.dealsByValue.get(value) ?? []) {
    if (dealId === notDeal) continue;
    const deal = index.kb.deals.get(dealId);
    if (!deal || (groups.length > 0 && !(index.dealShape.get(dealId)?.partyGroups ?? []).some((g) => groups.includes(g)))) continue;
    const f = deal.factIds.map((id) => index.kb.facts.get(id)).find((x): x is Fact => x !== undefined && x.unit === "USD" && x.value === value);
    if (!f) continue;
    const all = words.length > 0 ? dealWords(index, deal).all : undefined;
    const n = all ? words.filter((w) => all.has(lemma(w))).length : 0;
    if (n >= minWords && (!best || n > best.n)) best = { f, n };
  }
  return best?.f;
}

/**
 * "when did amazon become the first $5 trillion company": the one fact anywhere in the data whose
 * dollar figure is the stated one (within rounding), when it is $100 billion or more and at most two
 * deals report such a figure.
 */
export function nearestHolder(index: SearchIndex, value: number, notDeal: string): Fact | undefined {
  // Smaller figures recur across unrelated deals; only a distinctive one is worth pointing at.
  if (value < 1e11) return undefined;
  const deals = new Set<string>();
  for (const [v, ids] of index.dealsByValue) if (Math.abs(v - value) <= value * 0.02) for (const id of ids) if (id !== notDeal) deals.add(id);
  if (deals.size === 0 || deals.size > 2) return undefined;
  for (const id of deals) {
    const f = index.kb.deals.get(id)?.factIds.map((x) => index.kb.facts.get(x)).find((x): x is Fact => x !== undefined && x.unit === "USD" && x.value !== undefined && Math.abs(x.value - value) <= value * 0.02);
    if (f) return f;
  }
  return undefined;
}
