import type { Unit } from "./vocabulary.js";

/**
 * Does a verbatim quote actually carry the figure a fact claims? A value of 38e9 USD is carried by
 * "$38 billion", "US$38 billion", "$38bn" or "38 billion dollars"; 4.5 GW by "4.5 gigawatts" or
 * "4.5 GW"; 7 years by "seven years" or "seven-year". This is the guard against a curator typing
 * 3.8e9 for a $38 billion quote.
 */

const NUMBER_WORDS: Record<number, string> = {
  1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
  9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
  16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 30: "thirty",
  40: "forty", 50: "fifty", 100: "a hundred",
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** 38 -> "38", 1.40 -> "1.4", 1234.5 -> "1234.5" */
export function plainNumber(n: number): string {
  return String(Number(n.toFixed(3)));
}

/** Ways a bare number can be written: 1.4, 400,000, seven. */
function numeralPatterns(n: number): string[] {
  const plain = plainNumber(n);
  const out = new Set([escape(plain)]);
  if (Number.isInteger(n) && Math.abs(n) >= 1000) out.add(escape(n.toLocaleString("en-US")));
  const word = NUMBER_WORDS[n];
  if (word) out.add(word);
  if (n === 1) out.add("an?");
  return [...out];
}

const SCALES: Array<[number, string]> = [
  [1e12, "(?:trillion|tn|t)"],
  [1e9, "(?:billion|bn|b)"],
  [1e6, "(?:million|mn|mln|m)"],
  [1e3, "(?:thousand|k)"],
];

/** "38 billion", "38bn", "400,000", "2 million": a large number in any of its usual forms. */
function scaledPatterns(value: number): string[] {
  const out: string[] = [];
  for (const [scale, words] of SCALES) {
    if (Math.abs(value) >= scale) {
      const mantissa = value / scale;
      for (const num of numeralPatterns(mantissa)) out.push(`${num}\\s?-?${words}\\b`);
    }
  }
  out.push(...numeralPatterns(value).map((p) => `${p}(?![\\d.,]*\\d)`));
  return out;
}

const UNIT_WORDS: Partial<Record<Unit, string>> = {
  GW: "(?:gigawatts?|gw)",
  "GW/week": "(?:gigawatts?|gw)",
  MW: "(?:megawatts?|mw)",
  percent: "(?:%|percent|per cent)",
  years: "(?:years?)",
  months: "(?:months?)",
};

const patternCache = new Map<string, RegExp>();

/**
 * Every way the figure can be written, as one case-insensitive global pattern (the alternatives
 * of patternSources): one scan of a quote instead of one per way, and one compiled expression per
 * figure (compiling a dozen per figure took over a second of a 100k-fact load).
 */
export function figurePattern(value: number, unit: Unit): RegExp {
  const key = `${value}|${unit}`;
  let cached = patternCache.get(key);
  if (!cached) {
    cached = new RegExp(patternSources(value, unit).map((s) => `(?:${s})`).join("|"), "gi");
    if (patternCache.size < 50_000) patternCache.set(key, cached);
  }
  return cached;
}

function patternSources(value: number, unit: Unit): string[] {
  const lead = "(?<![\\d.,])";
  const unitWord = UNIT_WORDS[unit];
  return unitWord !== undefined
    ? numeralPatterns(value).map((n) => `${lead}${n}\\s?-?${unitWord}`)
    : scaledPatterns(value).map((p) => `${lead}${p}`);
}

/**
 * Forget the compiled patterns: a load calls this when its checks are done. Kept between loads,
 * the 2,141 distinct figures of the 100k-fact benchmark held ~30 MB of compiled expressions; a
 * reload compiles again only those of the facts it checks.
 */
export function forgetFigurePatterns(): void {
  patternCache.clear();
  last = { quote: "", value: NaN, unit: "USD", offsets: [] };
}

/**
 * Where the figure stands in the quote: the start index of every occurrence, ascending. The scan
 * restarts one character after each match start, so a way of writing it that starts inside
 * another's match is found too (each way starts with a numeral after no digit, so in practice
 * matches never overlap).
 */
export function figureOffsets(quote: string, value: number, unit: Unit): readonly number[] {
  // The figure check and the hedge check of one fact ask in turn: the second is answered from the first.
  if (last.quote === quote && last.value === value && last.unit === unit) return last.offsets;
  const re = figurePattern(value, unit);
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(quote); m !== null; m = re.exec(quote)) {
    out.push(m.index);
    re.lastIndex = m.index + 1;
  }
  re.lastIndex = 0;
  last = { quote, value, unit, offsets: out };
  return out;
}

let last: { quote: string; value: number; unit: Unit; offsets: readonly number[] } = { quote: "", value: NaN, unit: "USD", offsets: [] };

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

export function quoteCarriesText(quote: string, text: string): boolean {
  return squash(quote).includes(squash(text));
}

/** The reason a quote does not support the figure, or undefined when it does. */
export function quoteFigureProblem(fact: {
  value?: number | undefined;
  unit: Unit;
  text?: string | undefined;
  qualifier: string;
  quote: string;
}): string | undefined {
  const { quote } = fact;
  if (fact.qualifier !== "none" && !quoteCarriesText(quote, fact.qualifier)) {
    return `qualifier "${fact.qualifier}" does not appear in the quote`;
  }
  if (fact.text !== undefined && quoteCarriesText(quote, fact.text)) return undefined;
  if (fact.value === undefined) {
    return fact.text === undefined ? undefined : `text "${fact.text}" does not appear in the quote`;
  }
  if (figureOffsets(quote, fact.value, fact.unit).length > 0) return undefined;
  return `quote does not contain the figure ${plainNumber(fact.value)} ${fact.unit}`;
}
