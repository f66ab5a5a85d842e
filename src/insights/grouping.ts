import { editDistance, typoBudget } from "../engine/text.js";
import { contentTokens } from "../feedback/normalise.js";

export interface TextCount {
  readonly text: string;
  readonly count: number;
  readonly lastAsked: number;
}

export interface QuestionGroup {
  /** The most asked wording of the group. */
  readonly text: string;
  readonly count: number;
  /** Other wordings, most asked first. */
  readonly variants: readonly string[];
  readonly lastAsked: number;
}

/** Two words match when equal or within the engine's typo budget ("opnai" ~ "openai"). */
function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const budget = typoBudget(Math.min(a.length, b.length));
  return budget > 0 && !/\d/.test(a + b) && editDistance(a, b, budget) <= budget;
}

/**
 * Token-set similarity of two questions' content words: matched words over all distinct words
 * (a Jaccard index that forgives typos). Word order, stopwords and punctuation do not count.
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let matched = 0;
  for (const word of a) for (const other of b) if (wordsMatch(word, other)) {
    matched++;
    break;
  }
  return matched / (a.size + b.size - matched);
}

/** Near-identical at or above this similarity. */
export const SAME_QUESTION = 0.75;

/**
 * Group normalised questions that are near-identical. Greedy, most asked first: each wording joins
 * the first group whose leading wording is similar enough, else starts its own. Groups are
 * returned by total count, ties by most recent.
 */
export function groupQuestions(rows: readonly TextCount[], threshold = SAME_QUESTION): QuestionGroup[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked || a.text.localeCompare(b.text));
  const groups: Array<{ tokens: Set<string>; members: TextCount[] }> = [];
  for (const row of sorted) {
    const tokens = contentTokens(row.text);
    const group = groups.find((g) => similarity(g.tokens, tokens) >= threshold);
    if (group) group.members.push(row);
    else groups.push({ tokens, members: [row] });
  }
  return groups
    .map((g) => ({
      text: g.members[0]!.text,
      count: g.members.reduce((n, m) => n + m.count, 0),
      variants: g.members.slice(1).map((m) => m.text),
      lastAsked: Math.max(...g.members.map((m) => m.lastAsked)),
    }))
    .sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked);
}
