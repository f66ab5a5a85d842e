import { LRUCache } from "lru-cache";
import { isCommonWord } from "../../kb/common-words.js";
import { editDistance, normalize, stem, typoBudget } from "../text.js";

/**
 * Words of a question reduced to their dictionary form, so that "deploying", "deployed" and
 * "deploys" read as "deploy", "paid" as "pay" and "companies" as "company". The cue tables in
 * lexicon.ts are written in these forms.
 */

export const IRREGULAR: Readonly<Record<string, string>> = {
  // Everyday short forms read as the word they shorten.
  infra: "infrastructure", twp: "township", aussie: "australian", yrs: "year", yr: "year", ppl: "people", govt: "government", gov: "government", intl: "international", natl: "national", mfg: "manufacturing",
  paid: "pay", bought: "buy", sold: "sell", spent: "spend", lent: "lend", struck: "strike", made: "make",
  took: "take", taken: "take", gave: "give", given: "give", got: "get", gotten: "get", went: "go", gone: "go",
  fell: "fall", fallen: "fall", rose: "rise", risen: "rise", won: "win", put: "put", putting: "put", hit: "hit",
  said: "say", says: "say", did: "do", does: "do", done: "do", has: "have", had: "have", having: "have",
  is: "be", are: "be", was: "be", were: "be", been: "be", being: "be", am: "be", "'s": "be", "'re": "be",
  began: "begin", begun: "begin", ran: "run", running: "run", led: "lead", held: "hold", built: "build",
  dealt: "deal", signed: "sign", shut: "shut", sent: "send", set: "set", cut: "cut", let: "let", bid: "bid",
  leases: "lease", leased: "lease", leasing: "lease", financing: "finance", financed: "finance", finances: "finance",
  data: "data", news: "news", gas: "gas", campus: "campus", campuses: "campus", bonus: "bonus", status: "status",
  plus: "plus", this: "this", its: "its", us: "us", was_: "be", less: "less", across: "across", series: "series",
  analysis: "analysis", basis: "basis", chips: "chip", gpus: "gpu", tpus: "tpu", cpus: "cpu", gws: "gw", mws: "mw",
  biggest: "big", bigger: "big", largest: "large", larger: "large", smallest: "small", smaller: "small",
  longest: "long", longer: "long", shortest: "short", shorter: "short", newest: "new", newer: "new", latest: "late",
  oldest: "old", older: "old", earliest: "early", earlier: "early", highest: "high", higher: "high", lowest: "low",
  lower: "low", most: "most", best: "good", better: "good", worst: "bad", worse: "bad", cheapest: "cheap",
  priciest: "pricey", richest: "rich", companies: "company", countries: "country", facilities: "facility",
  utilities: "utility", agreed: "agree", agreeing: "agree", announced: "announce", announcing: "announce",
  invested: "invest", investing: "invest", invests: "invest", committed: "commit", committing: "commit",
  scrapped: "scrap", scrapping: "scrap", cancelled: "cancel", cancelling: "cancel", dropped: "drop", dropping: "drop", planned: "plan", planning: "plan",
  shipped: "ship", shipping: "ship", stopped: "stop", acquired: "acquire", acquiring: "acquire", closing: "close",
  closed: "close", raised: "raise", raising: "raise", owned: "own", owning: "own",
  supplied: "supply", supplies: "supply", supplying: "supply", merged: "merge", merging: "merge", pledged: "pledge",
  pledging: "pledge", backed: "back", backing: "back", funded: "fund", funding: "fund", named: "name",
};

const cache = new LRUCache<string, string>({ max: 20_000 });

/**
 * The comparable form of one lower-case word: irregular forms mapped to their base, then the
 * light suffix stemmer that the search index also uses. Cue words are compiled the same way, so
 * "deploying", "deployed" and "deploy" all meet.
 */
export function lemma(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const result = stem(IRREGULAR[word] ?? word);
  cache.set(word, result);
  return result;
}

const formsCache = new LRUCache<string, ReadonlySet<string>>({ max: 20_000 });

/**
 * The dictionary forms a word may have: itself, its irregular base ("paid" -> "pay"), and the
 * forms left by taking off an inflection ("deploying" -> "deploy", "valued" -> "value",
 * "companies" -> "company"). A cue written in its base form matches any of them; a cue written
 * inflected ("valued") matches only that inflection, so "value" never reads as "valuation".
 */
export function baseForms(word: string): ReadonlySet<string> {
  const hit = formsCache.get(word);
  if (hit) return hit;
  const out = new Set<string>([word]);
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) out.add(irregular);
  const w = word;
  // A model number in the plural: "gb300s", "h100s", "mi450s".
  if (/^[a-z]+\d+s$/.test(w)) out.add(w.slice(0, -1));
  if (w.length > 3 && !/\d/.test(w)) {
    if (w.endsWith("ies")) out.add(`${w.slice(0, -3)}y`);
    if (w.endsWith("es")) out.add(w.slice(0, -2));
    if (w.endsWith("s") && !w.endsWith("ss")) out.add(w.slice(0, -1));
    if (w.endsWith("ing") && w.length > 5) addStem(out, w.slice(0, -3));
    if (w.endsWith("ed") && w.length > 4) {
      addStem(out, w.slice(0, -2));
      out.add(w.slice(0, -1));
      if (w.endsWith("ied")) out.add(`${w.slice(0, -3)}y`);
    }
    if (w.endsWith("ly") && w.length > 5) out.add(w.slice(0, -2));
  }
  formsCache.set(word, out);
  return out;
}

function addStem(out: Set<string>, stem: string): void {
  out.add(stem);
  out.add(`${stem}e`);
  // "committed" -> "commit", "planned" -> "plan", and the British "cancelled" -> "cancel".
  if (/([bdglmnprt])\1$/.test(stem)) out.add(stem.slice(0, -1));
}

export interface Word {
  /** As typed, lower-cased and folded. */
  readonly raw: string;
  /** Dictionary form, after typo correction against the cue vocabulary. */
  readonly lemma: string;
  /** Every form the word may have, for matching cue words (see baseForms). */
  readonly forms: ReadonlySet<string>;
  /** Written with a capital letter in the question. */
  readonly capitalised: boolean;
  /** The original spelling. */
  readonly original: string;
}

const TOKEN = /\$?\d+(?:[.,]\d+)*(?:\s?(?:%|bn|b|billion|trillion|tn|t|million|mn|m|gw|mw|k)\b)?|[\p{L}0-9]+(?:[.&'][\p{L}0-9]+)*/gu;

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bwhat(?:'|)s\b/g, "what is"],
  [/\bhow(?:'|)s\b/g, "how is"],
  [/\bwho(?:'|)s\b/g, "who is"],
  [/\bwhen(?:'|)s\b/g, "when is"],
  [/\bwhere(?:'|)s\b/g, "where is"],
  [/\b(\w+)n't\b/g, "$1 not"],
  [/\b(did|does|do|is|was|are|were|has|have|had|could|would|should|ca|wo)nt\b/g, "$1 not"],
  [/\bits\b(?= (?:a|the|worth|still|over|done|signed|dead|binding|off|on)\b)/g, "it is"],
  [/\bu\b/g, "you"],
  [/\bur\b/g, "your"],
  [/\bpls\b|\bplz\b/g, "please"],
  [/\bhw\b/g, "how"],
  [/\bthru\b/g, "through"],
  [/\bw\/(?=\s|\w)/g, "with "],
  [/\bgonna\b/g, "going to"],
  [/\bincl\.?(?=\s|$)/g, "including"],
  [/\bdata ?cent(?:er|re)s\b/g, "data centers"],
  [/\bdatacent(?:er|re)\b/g, "data center"],
  [/\bw\/o\b/g, "without"],
  [/\bwanna\b/g, "want to"],
  // British spellings read as American ones, as the data writes them: "recapitalisation", "organised".
  [/\b(\w{3,})is(ation|ations|ed|ing)\b/g, "$1iz$2"],
  // "sign off" is an approval, not a cancellation ("off").
  [/\bsign(?:s|ed|ing)?[- ]off\b/g, "approval"],
  // "back" that is no backing: "back online", "back in 2023", "come back".
  [/\bback(?= (?:online|on line|on|up|in|into|to|then|when|around|from|at)\b)/g, ""],
  // Words for credit quality that are no investment or backing: "investment-grade", "gpu-backed loan".
  [/\binvestment[- ]grade\b/g, "grade"],
  [/\b[\w]+[- ]backed (?=loans?|debt|bonds?|notes?|securities|financing|facilit(?:y|ies)|credit)/g, ""],
];

/** Split a question into words, folding contractions and possessives, each with its lemma. */
/** `vocabulary`: the cue words as written; `names`: words of the data that must never be corrected. */
export function readWords(question: string, vocabulary: ReadonlySet<string>, names: ReadonlySet<string>): Word[] {
  const originals = question.normalize("NFKC").replace(/[‘’`´]/g, "'");
  let text = normalize(originals);
  for (const [re, to] of CONTRACTIONS) text = text.replace(re, to);
  const caps = new Set<string>();
  for (const m of originals.matchAll(/\p{Lu}[\p{L}0-9.&-]*/gu)) caps.add(normalize(m[0]).replace(/'s$/, ""));
  const out: Word[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].replace(/'s$/, "").replace(/'$/, "");
    if (!raw) continue;
    // An everyday word spelt right ("actually") is never corrected into a cue word ("annually").
    const known = names.has(raw) || [...baseForms(raw)].some((f) => vocabulary.has(f)) || isCommonWord(raw);
    const corrected = known ? raw : correct(raw, vocabulary);
    out.push({ raw, lemma: lemma(corrected), forms: baseForms(corrected), capitalised: caps.has(raw), original: raw });
  }
  return out;
}

/** One typo in a cue word ("mcuh", "valeu", "invstment") is forgiven; names are matched elsewhere. */
function correct(raw: string, vocabulary: ReadonlySet<string>): string {
  if (raw.length < 4 || /\d/.test(raw)) return raw;
  const budget = Math.max(1, typoBudget(raw.length));
  let best: { w: string; d: number } | undefined;
  for (const w of vocabulary) {
    if (Math.abs(w.length - raw.length) > budget || w[0] !== raw[0] && w[1] !== raw[1]) continue;
    const d = editDistance(raw, w, budget);
    if (d <= budget && (!best || d < best.d)) best = { w, d };
  }
  return best ? best.w : raw;
}
