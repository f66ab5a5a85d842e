import type { Deal } from "../../kb/types.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";

/**
 * "the oracle openai contract": one deal of the two companies named, titled "OpenAI–Oracle …", not
 * another deal they are both in (Stargate UAE). Where the question names a single deal of a pair and
 * the pair has deals of its own, only those answer; else all candidates do.
 */
export function pairDeals(index: SearchIndex, q: StructuredQuery, deals: readonly Deal[]): readonly Deal[] {
  const named = q.entities.filter((e) => e.hasDeals);
  if (new Set(named.map((e) => e.group)).size !== 2 || !SINGLE_DEAL.test(q.lower)) return deals;
  const names = (e: (typeof named)[number]) => {
    const entity = index.kb.entities.get(e.id);
    return [e.text, entity?.name ?? "", ...(entity?.aliases ?? [])].map((n) => n.toLowerCase()).filter((n) => n.length >= 2);
  };
  const [a, b] = [names(named[0]!), names(named.find((e) => e.group !== named[0]!.group)!)];
  const titled = (d: Deal) => {
    const t = d.title.toLowerCase();
    return a.some((x) => b.some((y) => t.includes(`${x}–${y}`) || t.includes(`${y}–${x}`)));
  };
  const own = deals.filter(titled);
  return own.length > 0 ? own : deals;
}

/** One deal named ("the X Y contract"), not several ("their deals"). */
const SINGLE_DEAL = /\b(?:deal|contract|agreement|pact|partnership)\b(?!s)/;
