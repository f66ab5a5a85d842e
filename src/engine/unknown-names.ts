import type { EntityMention } from "./entity-matcher.js";
import { GENERIC_DEAL_WORDS } from "./intent.js";
import type { SearchIndex } from "./search-index.js";
import { normalize, STOPWORDS } from "./text.js";

/** Capitalised or connected words that are not names: never taken for an unknown company. */
const NOT_NAMES = new Set(
  ("ai gpu gpus tpu tpus cpu cpus ceo cfo cto us usa uk eu gw mw rpo ipo jv llc inc corp ltd group bot dealdesk discord whom them others each both either one two three total deals deal companies company firms partners partner anyone someone everyone anybody anything something everything nothing " +
    "list compare find name count sum rank describe explain summarize summarise check lookup search hey yo ok okay thanks please " +
    "besides except apart including excluding plus other without within regarding between among newest latest recent oldest earliest").split(" "),
);

/** Imperatives a question starts with: "list Nvidia's deals", "compare Oracle and AWS". */
const KNOWN_VERBS = /^(?:list|compare|show|tell|give|find|get|name|count|rank|describe|explain|summari[sz]e|check)$/i;

const CONNECTED = /\b(?:with|between|and|&|vs\.?|versus|from|by)\s+([\p{L}][\p{L}\d.-]{2,})/giu;
const POSSESSIVE = /\b([\p{L}][\p{L}\d.-]{2,})['’]s\b/gu;
const CAPITALISED = /(?<=\s)(\p{Lu}[\p{Ll}][\p{L}\d.-]+)/gu;
/** "samsung openai memory deal": a word set right before a company name or a deal word. */
const BEFORE_NAME = /(?:^|\s)([\p{L}][\p{L}\d.-]{2,})(?=\s+(?:deal|deals|contract|agreement|partnership)\b)/giu;

/**
 * Names in a question that the data has never heard of ("Apple" in "Anthropic's deal with
 * Apple"): words placed like a company name that match no entity and appear nowhere in the data.
 */
export function unknownNames(index: SearchIndex, question: string, mentions: readonly EntityMention[]): string[] {
  const consumed = new Set(mentions.flatMap((m) => m.text.split(" ")));
  const candidates = new Set<string>();
  for (const re of [CONNECTED, POSSESSIVE, CAPITALISED, BEFORE_NAME]) for (const m of question.matchAll(re)) candidates.add(m[1]!.replace(/[.-]+$/, ""));
  // The first word, when it directly precedes a company named in the question.
  const first = question.trim().split(/\s+/);
  if (first.length > 1 && mentions.some((m) => m.position === 1) && !KNOWN_VERBS.test(first[0]!)) candidates.add(first[0]!.replace(/['’]s$/i, "").replace(/[^\p{L}\d.-]/gu, ""));
  return [...candidates].filter((word) => {
    const w = normalize(word);
    if (w.length < 3 || consumed.has(w) || STOPWORDS.has(w) || GENERIC_DEAL_WORDS.has(w) || NOT_NAMES.has(w) || index.titleTerms.has(w)) return false;
    if (index.matcher.recognise(word).length > 0) return false;
    return !knownTerm(index, w);
  });
}

function knownTerm(index: SearchIndex, term: string): boolean {
  const opts = { fuzzy: false, prefix: false } as const;
  return index.properNouns.has(term) || index.factSearch.search(term, opts).length > 0 || index.dealSearch.search(term, opts).length > 0;
}
