import type { ReaderKnowledge } from "./read/read-question.js";
import type { SearchIndex } from "./search-index.js";

const cache = new WeakMap<SearchIndex, ReaderKnowledge>();

/** Two capitalised words that a few deals share ("Lake Mariner", "River Bend") name a place or project; more deals, and they don't. */
const PROPER_PAIR_MAX_DEALS = 3;

/**
 * What the question reader needs from an index: the entity matcher, which groups have deals, and
 * the words the data itself uses (built with the index, see search-index.ts), which are never
 * typo-corrected into cue words nor taken for unknown names.
 */
export function readerKnowledge(index: SearchIndex): ReaderKnowledge {
  let k = cache.get(index);
  if (!k) {
    k = {
      recognise: (q) => index.matcher.recognise(q),
      entityKind: (id) => index.kb.entities.get(id)?.kind ?? "company",
      hasDeals: (g) => (index.dealsByGroup.get(g)?.length ?? 0) > 0,
      speaksFor: (id) => {
        const e = index.kb.entities.get(id);
        return e?.kind === "person" && e.parent !== undefined ? { id: e.parent, group: index.matcher.groupOf(e.parent) } : undefined;
      },
      dataWords: index.dataWords,
      dealsUsing: (w) => index.wordDeals.get(w) ?? 0,
      properPair: (a, b) => {
        const x = index.properNouns.get(a);
        const y = index.properNouns.get(b);
        if (!x || !y) return false;
        let shared = 0;
        for (const d of x) if (y.has(d)) shared++;
        return shared > 0 && shared <= PROPER_PAIR_MAX_DEALS;
      },
    };
    cache.set(index, k);
  }
  return k;
}
