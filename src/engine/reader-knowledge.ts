import type { ReaderKnowledge } from "./read/read-question.js";
import type { SearchIndex } from "./search-index.js";

const cache = new WeakMap<SearchIndex, ReaderKnowledge>();

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
      dataWords: index.dataWords,
      dealsUsing: (w) => index.wordDeals.get(w) ?? 0,
    };
    cache.set(index, k);
  }
  return k;
}
