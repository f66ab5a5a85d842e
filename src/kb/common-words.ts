import { readFileSync } from "node:fs";

/**
 * Is a single word a common English word? Such a name or alias ("Oracle", "Meta", "Arm", "Son")
 * would match everyday text, so the data must mark it in `wordAliases` before the bot matches it.
 * The list is generated from two maintained word lists (see common-word-list.ts for the rule).
 * Multi-word aliases and words with digits are never "common words".
 */
export const COMMON_WORDS_FILE = new URL("./common-words.txt", import.meta.url);

let common: ReadonlySet<string> | undefined;

/** The common-word list itself (lower case), for look-ups such as typo matching. */
export function commonWordSet(): ReadonlySet<string> {
  return commonWords();
}

function commonWords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(COMMON_WORDS_FILE, "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#")));
  return common;
}

export function isCommonWord(term: string): boolean {
  const t = term.trim();
  if (!/^[A-Za-z]+$/.test(t)) return false;
  return commonWords().has(t.toLowerCase());
}
