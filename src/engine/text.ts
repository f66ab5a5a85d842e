/** Text helpers shared by the question parser and the search index. */
import { LRUCache } from "lru-cache";

/** Fold case, typographic quotes and dashes, so "OpenAI’s" and "openai's" read the same. */
export function normalize(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―−]/g, "-");
}

/**
 * Split text into search tokens, keeping figures whole: "$38", "4.5", "1.4", "27%", "gb300" and
 * "x.ai" each stay one token, where MiniSearch's default tokenizer would split them.
 */
const TOKEN = /\$?\d+(?:[.,]\d+)*%?|[a-z0-9]+(?:[.&][a-z0-9]+)*/g;

export function tokenize(s: string): string[] {
  const text = normalize(s).replace(/'s\b/g, "");
  return text.match(TOKEN) ?? [];
}

/** Optimal-string-alignment distance: edits plus adjacent transpositions ("orcale" -> "oracle" is 1). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still count as a match. */
export function typoBudget(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** Words too common to be fuzzy-matched against names, metrics or keywords. */
export const STOPWORDS = new Set(
  (
    "a an the and or but of in on at to for from by with about as is are was were be been being do does did " +
    "has have had will would can could should may might must shall what which who whom whose when where why how " +
    "this that these those it its it's they them their there here i me my we our you your he she his her " +
    "much many more most less least than then so if not no yes any all some each every other also just only " +
    "tell show give me please know say said get got deal deals agreement agreements contract contracts " +
    "company companies firm firms between with vs versus over under up into out off per whats what's hows " +
    "s like one ones thing things latest new recent big biggest after before yet still already now far " +
    // Chat words that carry no content ("ppl keep sayin ... lol").
    "lol lmao tho fr ngl rn tbh imo btw idk bro dude yo ya yall hmm smh abt pls plz thx ty ok okay hey ppl"
  ).split(" "),
);

const MONEY_SCALE: Record<string, number> = { t: 1e12, tn: 1e12, trillion: 1e12, b: 1e9, bn: 1e9, billion: 1e9, m: 1e6, mn: 1e6, million: 1e6 };

/** Dollar figures written in a question: "$38bn", "38b", "$1.4 trillion" -> 38e9, 38e9, 1.4e12. */
export function moneyMentions(s: string): number[] {
  const out: number[] = [];
  for (const m of normalize(s).matchAll(/(?<![\w.])\$?(\d+(?:\.\d+)?)\s?(trillion|billion|million|tn|bn|mn|t|b|m)\b/g)) {
    out.push(Math.round(Number(m[1]) * MONEY_SCALE[m[2]!]!));
  }
  return out;
}

/**
 * A light suffix stemmer so "approved" finds "approval" and "relying" finds "relied". Figures and
 * short words pass through untouched.
 */
const stems = new LRUCache<string, string>({ max: 50_000, maxSize: 4_000_000, sizeCalculation: (v, k) => Math.max(1, v.length + k.length) });

/** Entries and characters held by the stem cache (an LRU: user terms cannot pile up). */
export const stemCacheStats = () => ({ entries: stems.size, chars: stems.calculatedSize });

export function stem(term: string): string {
  const cached = stems.get(term);
  if (cached !== undefined) return cached;
  const result = stemUncached(term);
  stems.set(term, result);
  return result;
}

function stemUncached(term: string): string {
  if (/^[a-z]+\d+s$/.test(term)) return term.slice(0, -1);
  if (term.length < 5 || /\d/.test(term)) return term;
  const base = term.replace(/(?:ations?|ments?|ings?|als?|ed|es|ly|s)$/, "");
  const stemmed = (base.length >= 4 ? base : term).replace(/y$/, "i").replace(/(?:e|i)$/, "");
  // "committ" -> "commit", "plann" -> "plan"
  return stemmed.replace(/([bdgmnprt])\1$/, "$1");
}
