import { commonWordSet } from "../../kb/common-words.js";
import { editDistance, typoBudget } from "../text.js";

/**
 * Misspellings users type ("nuclaer", "goverment", "givng", "arnlod"): a word that is neither a
 * common English word nor a word of the data, but within the typo budget of one, is that word
 * misspelt, not a name nobody knows and not a specific term the answer must contain. Candidates
 * are bucketed by length and first letter, so a check compares a few hundred words at most.
 */
type Buckets = Map<string, string[]>;

const bucketsOf = new WeakMap<ReadonlySet<string>, Buckets>();

function buckets(words: ReadonlySet<string>): Buckets {
  let b = bucketsOf.get(words);
  if (!b) {
    b = new Map();
    for (const w of words) {
      if (w.length < 4 || !/^[a-z]+$/.test(w)) continue;
      const key = `${w.length}:${w[0]}`;
      const list = b.get(key);
      if (list) list.push(w);
      else b.set(key, [w]);
    }
    bucketsOf.set(words, b);
  }
  return b;
}

/** The word of `words` that `word` misspells, if any (the same first letter, within the typo budget). */
export function misspelled(word: string, words: ReadonlySet<string>): string | undefined {
  const w = word.toLowerCase();
  const budget = typoBudget(w.length);
  if (budget === 0 || !/^[a-z]+$/.test(w) || words.has(w)) return undefined;
  const b = buckets(words);
  for (let d = 0; d <= budget; d++) {
    for (const len of d === 0 ? [w.length] : [w.length - d, w.length + d]) {
      for (const c of b.get(`${len}:${w[0]}`) ?? []) if (editDistance(w, c, budget) <= budget) return c;
    }
  }
  return undefined;
}

/** A misspelt everyday English word. */
export function isMisspeltCommonWord(word: string): boolean {
  return misspelled(word, commonWordSet()) !== undefined;
}
