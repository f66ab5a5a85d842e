import type { EntityMention } from "../entity-matcher.js";
import { normalize, STOPWORDS } from "../text.js";
import { isCommonWord } from "../../kb/common-words.js";
import { NOT_NAMES } from "./lexicon.js";
import { isMisspeltCommonWord, misspelled } from "./typos.js";

/** An unknown word this long that is one or two letters from an everyday word is that word misspelt. */
const MISSPELT_MIN = 7;
const CONNECTED = /\b(?:with|between|and|&|vs\.?|versus)\s+([\p{L}][\p{L}\d.-]{2,})/giu;
const POSSESSIVE = /\b([\p{L}][\p{L}\d.-]{2,})['’]s?\b/gu;
const CAPITALISED = /(?<=[\s"(])(\p{Lu}[\p{L}\d.-]+)/gu;
/** "samsung openai memory deal": words set right before a deal word. */
const BEFORE_DEAL = /(?:^|\s)([\p{L}][\p{L}\d.-]{2,})(?=\s+(?:\w+\s+)?(?:deal|deals|contract|agreement|partnership|acquisition|investment|stake)\b)/giu;
const FIRST = /^\s*([\p{L}][\p{L}\d.-]{2,})(?=\s)/u;

/**
 * Words placed like a company name that match nothing the data knows ("Apple" in "the Apple
 * OpenAI deal", "tesla" in "whats the tesla xai deal worth"). Lower-case words count only when
 * they sit where a name sits: beside a known company, after "with"/"between", before "deal".
 */
export function unknownNames(question: string, mentions: readonly EntityMention[], dataWords: ReadonlySet<string>): string[] {
  const consumed = new Set(mentions.flatMap((m) => m.text.split(" ")));
  const found = new Set<string>();
  const text = ` ${question.replace(/[?!,;:]/g, " ")} `;
  for (const re of [CONNECTED, POSSESSIVE, CAPITALISED, BEFORE_DEAL]) for (const m of text.matchAll(re)) found.add(m[1]!.replace(/[.-]+$/, ""));
  const first = FIRST.exec(question);
  if (first && mentions.some((m) => m.position === 1)) found.add(first[1]!);
  return [...found].filter((word) => {
    const w = normalize(word).replace(/'s?$/, "");
    if (w.length < 3 || /\d/.test(w) || consumed.has(w) || STOPWORDS.has(w) || NOT_NAMES.has(w) || dataWords.has(w)) return false;
    // "meta-oracle": names the question already has, joined by a hyphen.
    if (w.includes("-") && w.split("-").every((p) => consumed.has(p) || dataWords.has(p) || STOPWORDS.has(p))) return false;
    // An English word in everyday use ("close", "gear", "mystery") is not taken for a name, nor is one misspelt ("goverment", "nuclaer").
    // Short names stay names even when one letter from a word ("micron", "groq"): only long words are taken for typos.
    return !COMMON.has(w) && !isCommonWord(w) && !(w.length >= MISSPELT_MIN && (misspelled(w, dataWords) !== undefined || isMisspeltCommonWord(w)));
  });
}

/**
 * Ordinary English words that can sit where a name sits ("deal with power", "between them"):
 * never unknown names. Kept small: data words and entity aliases are excluded separately.
 */
const COMMON = new Set(
  ("power energy chips chip compute cloud data center centre centers centres capacity money cash stock stocks shares share value worth price cost " +
    "investment investments investor investors funding round debt loan loans bond bonds lease leases financing equity stake stakes acquisition merger " +
    "agreement agreements contract contracts partnership partnerships pledge pledges plan plans program programme project projects site sites campus " +
    "year years month months week weeks today yesterday tomorrow now then time times people users user me them him her us you everyone anyone " +
    "texas ohio michigan wisconsin louisiana washington virginia new york india uk japan europe asia america china saudi arabia uae norway portugal " +
    "australia argentina britain england canada france germany korea taiwan africa memphis abilene tennessee iowa illinois pennsylvania " +
    "nvidia's openai's total overall gpus tpus gigawatts megawatts billion trillion million dollars dollar percent details detail info news " +
    "update updates latest recent status terms term deal deals company companies firm firms gpu tpu cpu ai other others same which what who " +
    "whom when where why how much many more most less least big bigger biggest large larger largest small top long longer longest new newest " +
    "first last next previous old oldest early earliest all any some each every both either neither own owner owners government governments " +
    "country countries state states city cities nuclear gas hydro solar wind reactor reactors plant plants grid utility utilities bank banks " +
    "lender lenders fund funds chipmaker chipmakers hyperscaler hyperscalers neocloud neoclouds startup startups lab labs model models " +
    "google's amazon's meta's microsoft's altogether combined together exactly roughly approximately about around nearly almost over under " +
    "above below between within without against among across through during before after since until upon onto toward towards per via " +
    "sources source figure figures number numbers amount amounts size total sum please thanks thank hello hi hey yo ok okay sure yes no " +
    "capex spend spending spent pay paid paying buy bought buying sell sold selling sign signed signing announce announced invest invested " +
    "supply supplies supplied deploy deployed deploying install installed build built building lend lent lending borrow borrowed raise raised " +
    "scrapped cancelled canceled dropped still really actually also just only even again back ever already yet so very too quite much infra").split(" "),
);
