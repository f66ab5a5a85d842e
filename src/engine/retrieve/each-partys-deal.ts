import type { Deal } from "../../kb/types.js";
import { entityName } from "../compose/sentences.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { dealsWithAll } from "./candidates.js";
import { titleWordsOf } from "./deal-titles.js";
import { lemma } from "../read/lemmas.js";
import { STOPWORDS } from "../text.js";

/** Words that name no particular deal: "compare the deals", "which is bigger". */
const LOOSE = new Set(["deal", "deals", "agreement", "agreements", "contract", "contracts", "compare", "comparison", "bigger", "larger", "smaller", "which", "what", "more", "less", "worth", "value", "than"]);

/**
 * "Compare the Oracle and AWS deals": two parties with no deal together. Each one's deal with the
 * partner they share (both are OpenAI's), or with the partner of the conversation so far.
 */
export function eachPartysDeal(index: SearchIndex, q: StructuredQuery, named: readonly string[], conversation: readonly string[]): Deal[] {
  // "who pays spacex more, google or anthropic": one of the named is the hub the others each deal with.
  const hub = named.length >= 3 ? named.find((h) => named.every((g) => g === h || dealsWithAll(index, [h, g]).length > 0)) : undefined;
  if (hub !== undefined) {
    const others = named.filter((g) => g !== hub);
    return others.map((g) => mainDeal(index, dealsWithAll(index, [hub, g]), q.entities.filter((e) => e.group === g).map((e) => e.id), [g, hub])).filter((d): d is Deal => d !== undefined);
  }
  const own = ownNamedDeals(index, q, named);
  if (own) return own;
  const partner = conversation.find((g) => !named.includes(g)) ?? commonPartner(index, named);
  const deals: Deal[] = [];
  for (const g of named) {
    const ids = partner ? dealsWithAll(index, [g, partner]) : (index.dealsByGroup.get(g) ?? []);
    const written = q.entities.filter((e) => e.group === g).map((e) => e.id);
    const d = mainDeal(index, ids.length > 0 ? ids : (index.dealsByGroup.get(g) ?? []), written, partner ? [g, partner] : [g]);
    if (d) deals.push(d);
  }
  return deals;
}

/**
 * "meta's oct 2025 bond or oracle's sept 2025 one": each party's own deal that the question's
 * words name in its title, when every party has one; undefined otherwise.
 */
export function ownNamedDeals(index: SearchIndex, q: StructuredQuery, named: readonly string[]): Deal[] | undefined {
  const names = new Set(q.entities.flatMap((e) => e.text.split(" ").map((w) => lemma(w))));
  const words = [...new Set(q.lemmas)].filter((w) => w.length > 3 && !STOPWORDS.has(w) && !names.has(w) && !LOOSE.has(w));
  if (words.length === 0) return undefined;
  const own = named.map((g) => {
    const ids = (index.dealsByGroup.get(g) ?? []).filter((id) => {
      const deal = index.kb.deals.get(id);
      return deal !== undefined && words.some((w) => titleWordsOf(index, deal).has(w));
    });
    return mainDeal(index, ids, q.entities.filter((e) => e.group === g).map((e) => e.id), [g]);
  });
  return own.every((d) => d !== undefined) && new Set(own.map((d) => d.id)).size === own.length ? (own as Deal[]) : undefined;
}

/** The group that has deals with every one of the named groups; the one with most such deals when several do. */
function commonPartner(index: SearchIndex, named: readonly string[]): string | undefined {
  const partnersOf = (g: string) => {
    const out = new Map<string, number>();
    for (const id of index.dealsByGroup.get(g) ?? []) {
      for (const pg of index.dealShape.get(id)?.partyGroups ?? []) if (!named.includes(pg)) out.set(pg, (out.get(pg) ?? 0) + 1);
    }
    return out;
  };
  const sets = named.map(partnersOf);
  let best: { g: string; n: number } | undefined;
  for (const [g, n] of sets[0] ?? new Map<string, number>()) {
    if (!sets.every((m) => m.has(g))) continue;
    const total = n + sets.slice(1).reduce((sum, m) => sum + (m.get(g) ?? 0), 0);
    if (!best || total > best.n) best = { g, n: total };
  }
  return best?.g;
}

/**
 * Of a party's deals, the one to compare: one where the party is the very entity the question
 * wrote and no other of its group ("the AWS deal" is AWS's own, not Amazon's investment), then one
 * whose title names the parties, then the largest headline.
 */
function mainDeal(index: SearchIndex, ids: readonly string[], written: readonly string[], groups: readonly string[]): Deal | undefined {
  const names = groups.map((g) => entityName(index.kb, g).toLowerCase());
  const ranked = ids
    .map((id) => index.kb.deals.get(id))
    .filter((d): d is Deal => d !== undefined && d.type !== "market-event")
    .map((d) => {
      const ours = d.parties.filter((p) => groups.length > 0 && index.matcher.groupOf(p.entity) === groups[0]);
      const exact = written.length > 0 && ours.length > 0 && ours.every((p) => written.includes(p.entity)) ? 1 : 0;
      const title = d.title.toLowerCase();
      return { d, exact, titled: names.filter((n) => title.includes(n)).length, size: index.headline.get(d.id) ?? 0 };
    });
  ranked.sort((a, b) => b.exact - a.exact || b.titled - a.titled || b.size - a.size);
  return ranked[0]?.d;
}

