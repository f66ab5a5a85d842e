import type { ReaderKnowledge } from "./read/read-question.js";
import type { SearchIndex } from "./search-index.js";
import { normalize } from "./text.js";

const cache = new WeakMap<SearchIndex, ReaderKnowledge>();

/**
 * What the question reader needs from an index, computed once per index: the entity matcher,
 * which groups have deals, and the words the data itself uses (deal titles, summaries, entity
 * names, fact wording), which are never typo-corrected into cue words nor taken for unknown names.
 */
export function readerKnowledge(index: SearchIndex): ReaderKnowledge {
  let k = cache.get(index);
  if (!k) {
    const words = new Set<string>();
    const dealCount = new Map<string, number>();
    const add = (s: string | undefined, seen?: Set<string>) => {
      if (!s) return;
      for (const w of normalize(s).split(/[^\p{L}\d]+/u)) {
        if (w.length < 3) continue;
        words.add(w);
        if (seen && !seen.has(w)) {
          seen.add(w);
          dealCount.set(w, (dealCount.get(w) ?? 0) + 1);
        }
      }
    };
    for (const d of index.kb.deals.values()) {
      const seen = new Set<string>();
      add(d.title, seen);
      add(d.summary, seen);
      for (const id of d.factIds) {
        const f = index.kb.facts.get(id);
        add(f?.label, seen);
        add(f?.text, seen);
      }
    }
    for (const e of index.kb.entities.values()) {
      add(e.name);
      for (const a of e.aliases) add(a);
    }
    for (const noun of index.properNouns.keys()) words.add(noun);
    for (const f of index.kb.facts.values()) {
      add(f.text);
      add((f as { label?: string }).label);
    }
    k = {
      recognise: (q) => index.matcher.recognise(q),
      entityKind: (id) => index.kb.entities.get(id)?.kind ?? "company",
      hasDeals: (g) => (index.dealsByGroup.get(g)?.length ?? 0) > 0,
      dataWords: words,
      dealsUsing: (w) => dealCount.get(w) ?? 0,
    };
    cache.set(index, k);
  }
  return k;
}
