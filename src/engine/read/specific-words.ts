import { isCommonWord, commonWordSet } from "../../kb/common-words.js";
import type { EntityMention } from "../entity-matcher.js";
import { STOPWORDS } from "../text.js";
import { EVERYDAY_COUNT, frequency } from "../word-frequency.js";
import { isCueWord } from "./cues.js";
import { lemma, type Word } from "./lemmas.js";
import { NOT_NAMES } from "./lexicon.js";
import type { ReaderKnowledge } from "./read-question.js";
import { misspelled } from "./typos.js";

/**
 * The question's specific words ("hydro", "Vizag", "lake mariner"): names and words few deals use,
 * which the answer's deal must have. And which entities a question names only in passing.
 */

/** Words that pin a question to a deal: not everyday words, names already matched, cues or slips. */
export function specificWords(words: readonly Word[], mentions: readonly EntityMention[], knowledge: ReaderKnowledge, nameWords: ReadonlySet<string>): string[] {
  return [...new Set([...words
    .filter((w) => w.raw.length >= 3 && !/\d/.test(w.raw) && !STOPWORDS.has(w.raw) && !isCueWord(w.forms) && !nameWords.has(w.raw) && w.lemma === lemma(w.raw))
    .filter((w) => !NOT_NAMES.has(w.raw) && !SPECIFIC_NOISE.has(w.raw) && !MONTHS.test(w.raw))
    // An everyday past form ("launched", "arranged", "assembled") says what happened, not which deal or figure ("-ing" words are often nouns: "manufacturing", "licensing").
    .filter((w) => !(/ed$/.test(w.raw) && w.raw.length > 5 && isCommonWord(w.raw)))
    // A name the dictionary doesn't know ("Vizag", "Kairos"), or a word only a few deals use ("hydro", "payout").
    .filter((w) => !isCommonWord(w.raw) || (knowledge.dataWords.has(w.raw) && frequency(w.raw) <= EVERYDAY_COUNT && knowledge.dealsUsing(w.raw) <= SPECIFIC_MAX_DEALS))
    .filter((w) => !entityWords(mentions).has(w.raw))
    .map((w) => w.raw)
    // A misspelt word of the data is that word ("arnlod"); a misspelt everyday word is no specific term.
    .map((w) => (knowledge.dataWords.has(w) ? w : dataTypo(w, knowledge.dataWords) ?? w))
    // A three-letter word the data never uses, one letter short of an everyday word ("wil"), is a slip, not a term to look for ("kwh" stays).
    .filter((w) => knowledge.dataWords.has(w) || (w.length >= 4 ? !misspeltEverydayWord(w) : !shortOfEverydayWord(w))), ...namePairs(words, knowledge, nameWords)])];
}

/** A word used by more deals than this is too general to pin an answer to one of them. */
const SPECIFIC_MAX_DEALS = 4;

/** A month's name or short form, and only that: "mariner" and "decade" are no months. */
const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

const SPECIFIC_NOISE = new Set(
  ("gbp usd aud eur pounds euros sterling quid expect expects expected expecting anticipate anticipates anticipated " +
    "deal deals agreement agreements contract contracts company companies figure figures number amount total thing things stuff info " +
    "data center centre centers centres campus site sites project projects billion trillion million dollars dollar percent " +
    "pact pacts tie tieup arrangement accord alliance collab collaboration partnership " +
    "currently originally supposedly reportedly actually really basically exactly roughly approx officially publicly " +
    "part parts piece side sides one ones first second third last latest newest new recent original initial initially eventually ultimately announced signed " +
    "according report reports reported reporting source sources news article people familiar matter " +
    // Words of a deal's standing: the status answers them, whatever the deal's own wording.
    "pending done finished complete completed final finalized finalised official officially live active dead alive binding happening").split(" "),
);

/**
 * Everyday words that together name a place or project of the data ("lake mariner", "river bend",
 * "port washington"): each is as specific as a name, though neither is alone.
 */
function namePairs(words: readonly Word[], knowledge: ReaderKnowledge, nameWords: ReadonlySet<string>): string[] {
  const ok = (w: Word | undefined): w is Word => w !== undefined && w.raw.length >= 3 && !/\d/.test(w.raw) && !STOPWORDS.has(w.raw) && !SPECIFIC_NOISE.has(w.raw) && !nameWords.has(w.raw) && !MONTHS.test(w.raw) && !isCueWord(w.forms);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (ok(a) && ok(b) && knowledge.properPair(a.raw, b.raw)) out.push(a.raw, b.raw);
  }
  return out;
}

/**
 * The data word a word misspells: letters swapped or replaced ("arnlod"), or, for a long word, one
 * letter more or less. A short word one letter longer or shorter is often another word ("micron").
 */
function dataTypo(word: string, dataWords: ReadonlySet<string>): string | undefined {
  return plausibleTypo(word, misspelled(word, dataWords));
}

/** A short word that is an everyday word with one letter left out ("wil" for "will", "teh" aside). */
function shortOfEverydayWord(word: string): boolean {
  const common = commonWordSet();
  for (let i = 0; i <= word.length; i++) for (let c = 97; c <= 122; c++) if (common.has(word.slice(0, i) + String.fromCharCode(c) + word.slice(i))) return true;
  return false;
}

/**
 * A word no dictionary and no deal knows, within a typo of an everyday word ("givng", "sayin",
 * "anounced"): a slip, not a term the answer must contain. Unlike dataTypo, a letter more or less
 * counts at any length of five or more, since the word is only dropped, never read as another.
 */
function misspeltEverydayWord(word: string): boolean {
  const hit = misspelled(word, commonWordSet());
  // A word with one letter added at the end is often a name of its own ("micron" is not "micro").
  return hit !== undefined && (hit.length === word.length || (word.length >= 5 && !word.startsWith(hit) && !hit.startsWith(word)));
}

const plausibleTypo = (word: string, hit: string | undefined): string | undefined => (hit !== undefined && (hit.length === word.length || word.length >= 7) ? hit : undefined);

function entityWords(mentions: readonly EntityMention[]): Set<string> {
  return new Set(mentions.flatMap((m) => m.text.split(" ")));
}

/** A name right before what it makes ("nvidia gpus", "amd instinct chips"): the maker of a product, unless the product names a deal ("google cloud tpu deal"). */
const PRODUCT_AFTER = /^(?:'s)?\s+(?:(?!(?:for|to|in|on|of|with|from|and|or|the|a|its|their|buys|rents|leases|gets|sells|takes|wants|needs|uses|has|had|is|was)\b|\w+(?:ing|ed)\b)[\w-]+\s+)?(?:gpus?|chips?|accelerators?|processors?|servers?|systems?|hardware|tpus?|cpus?|superchips?|smrs?|reactors?|racks?)\b(?!\s+(?:deals?|contracts?|agreements?|pacts?|partnerships?|orders?|purchases?|supply)\b)/;
/** Words that set a company beside the one asked about: "on top of amazon", "besides microsoft". */
const BESIDE_BEFORE = /\b(?:on top of|besides|in addition to|apart from|aside from|other than|as well as|alongside)\s+(?:the\s+)?$/;
/** A place word before a country: "in the uk", "across texas, portugal and the uk". */
const PLACE_BEFORE = /\b(?:in|across|throughout|into|inside|within|around|outside|at)\s+(?:the\s+)?(?:[\w-]+,?\s+(?:and\s+|&\s+)?(?:the\s+)?){0,4}$/;

/** The entity is named in passing (see NamedEntity.incidental). */
export function isIncidental(lower: string, text: string, kind: string): boolean {
  const at = lower.indexOf(text.toLowerCase());
  if (at < 0) return false;
  if (PRODUCT_AFTER.test(lower.slice(at + text.length))) return true;
  // "on top of amazon", "besides microsoft": a company set beside the one asked about.
  if (BESIDE_BEFORE.test(lower.slice(0, at))) return true;
  // "nvidia's uk startup money": a country is a place unless the question has it act ("the uk's", "uk government").
  return kind === "government" && (PLACE_BEFORE.test(lower.slice(0, at)) || !/^(?:'s|’s|\s+(?:gov\w*|state|ministry|officials?))\b/.test(lower.slice(at + text.length)));
}
