import type { Deal, Fact } from "../../kb/types.js";
import { IndexCache } from "../index-caches.js";
import { metricLabel } from "../kb-view.js";
import { lemma } from "../read/lemmas.js";
import type { SearchIndex } from "../search-index.js";
import { normalize } from "../text.js";

/**
 * The words a deal and a fact are described with, as lemmas: what a question's specific words
 * ("hydro", "payout", "Abilene") are checked against. Computed when a deal is first a candidate
 * and kept with the index it belongs to.
 */

interface DealWords {
  /** Title, summary and the parties' names. */
  readonly header: ReadonlySet<string>;
  /** The header plus every fact's wording. */
  readonly all: ReadonlySet<string>;
}

const perIndex = new IndexCache<DealWords>("deal", 20_000);
const perFact = new IndexCache<ReadonlySet<string>>("fact", 50_000);

function addWords(set: Set<string>, text: string | undefined): void {
  if (!text) return;
  for (const w of normalize(text).split(/[^\p{L}\d]+/u)) if (w.length >= 2) set.add(lemma(w));
  // "S&P", "AT&T": one word, as the question's reader keeps it.
  for (const m of normalize(text).matchAll(/[\p{L}\d]+(?:&[\p{L}\d]+)+/gu)) set.add(m[0]);
}

export function factWordSet(index: SearchIndex, fact: Fact): ReadonlySet<string> {
  let set = perFact.get(index, fact.id);
  if (!set) {
    const s = new Set<string>();
    for (const t of [fact.text, fact.label, fact.note, fact.quote, fact.scope, fact.estimatedBy, metricLabel(fact.metric), fact.asOf.iso]) addWords(s, t);
    if (fact.subject) addWords(s, index.kb.entities.get(fact.subject)?.name);
    perFact.set(index, fact.id, (set = s));
  }
  return set;
}

export function dealWords(index: SearchIndex, deal: Deal): DealWords {
  let words = perIndex.get(index, deal.id);
  if (!words) {
    const header = new Set<string>();
    addWords(header, deal.title);
    addWords(header, deal.summary);
    addWords(header, `${deal.type.replace(/-/g, " ")} ${deal.status.replace(/-/g, " ")}`);
    for (const p of deal.parties) {
      addWords(header, p.role);
      const e = index.kb.entities.get(p.entity);
      addWords(header, e?.name);
      for (const a of e?.aliases ?? []) addWords(header, a);
    }
    const all = new Set(header);
    for (const id of deal.factIds) {
      const f = index.kb.facts.get(id);
      if (f) for (const w of factWordSet(index, f)) all.add(w);
    }
    perIndex.set(index, deal.id, (words = { header, all }));
  }
  return words;
}
