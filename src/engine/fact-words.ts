import type { Fact } from "../kb/types.js";
import { formatFact } from "./format.js";
import { editDistance, stem, tokenize } from "./text.js";

/** A fact's own wording as stemmed words: its label (figure, text, note) and its quote. */
export interface FactWords {
  readonly label: ReadonlySet<string>;
  readonly quote: ReadonlySet<string>;
}

const words = (s: string) => new Set(tokenize(s).map(stem));

/**
 * Stemmed words of facts, computed when a fact is first a candidate and kept. Quotes are not in
 * the search index (that would double its size at 100k facts); only candidates are ever read.
 */
export class FactWordCache {
  private readonly cache = new Map<string, FactWords>();

  of(fact: Fact): FactWords {
    let entry = this.cache.get(fact.id);
    if (!entry) {
      entry = { label: words(`${formatFact(fact)} ${fact.note ?? ""}`), quote: words(fact.quote) };
      this.cache.set(fact.id, entry);
    }
    return entry;
  }

  /** The entries of `from` but for the stale fact ids: a fact's words are a function of the fact object (see index-caches.ts). */
  async carry(from: FactWordCache, stale: ReadonlySet<string>, tick: () => Promise<void> | undefined): Promise<void> {
    let n = 0;
    for (const [id, entry] of [...from.cache]) {
      if (!stale.has(id) && !this.cache.has(id)) this.cache.set(id, entry);
      if (++n % 1024 === 0) await tick();
    }
  }
}

/** Where a question word appears in a fact: its label, only its quote, or not at all. */
export function wordIn(fw: FactWords, word: string): "label" | "quote" | undefined {
  const match = (set: ReadonlySet<string>) => set.has(word) || (word.length >= 6 && [...set].some((t) => near(t, word)));
  if (match(fw.label)) return "label";
  if (match(fw.quote)) return "quote";
  return undefined;
}

/** A longer word matches a word it begins or with one typo. */
function near(token: string, word: string): boolean {
  if (token.startsWith(word) || word.startsWith(token) && token.length >= 5) return true;
  return word.length >= 7 && token[0] === word[0] && Math.abs(token.length - word.length) <= 1 && editDistance(token, word, 1) <= 1;
}
