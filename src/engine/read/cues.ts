import { baseForms, IRREGULAR } from "./lemmas.js";
import { DEAL_TYPE_CUES, KIND_CUES, QUANTITIES, RELATION_CUES, type AnswerKind, type Quantity, type QuantitySpec, type Relation } from "./lexicon.js";

/**
 * The lexicon compiled once into lemma sequences, and the matcher that finds them in a
 * question's lemmas.
 */

export type Phrase = readonly string[];

/** Cue phrases are written in the forms they match: base forms match every inflection. */
const split = (phrase: string): Phrase => phrase.toLowerCase().split(/\s+/).filter(Boolean).map((w) => IRREGULAR[w] ?? w);

export const RELATIONS: ReadonlyArray<readonly [Relation, readonly Phrase[]]> = (
  ["acquire", "cancel", "lend", "lease", "invest", "pledge", "supply", "pay", "partner", "value"] as const
).map((r) => [r, RELATION_CUES[r].map(split)] as const);

export const COMPILED_QUANTITIES: ReadonlyArray<readonly [Quantity, QuantitySpec, readonly Phrase[]]> = QUANTITIES.map(([q, spec]) => [q, spec, spec.cues.map(split)] as const);

export const COMPILED_KINDS: ReadonlyArray<readonly [AnswerKind, readonly Phrase[]]> = KIND_CUES.filter(([k]) => k !== "rank").map(([k, cues]) => [k, cues.map(split)] as const);

export const COMPILED_DEAL_TYPES: ReadonlyArray<readonly [readonly Phrase[], readonly string[]]> = DEAL_TYPE_CUES.map(([cues, types]) => [cues.map(split), types] as const);

/** Every cue word as written, for typo correction. */
export const CUE_VOCABULARY: ReadonlySet<string> = new Set(
  [...Object.values(RELATION_CUES).flat(), ...QUANTITIES.flatMap(([, s]) => s.cues), ...KIND_CUES.flatMap(([, c]) => c), ...DEAL_TYPE_CUES.flatMap(([c]) => c),
    "much", "many", "deal", "agreement", "contract", "what", "which", "when", "where", "billion", "trillion", "million", "amazon", "between", "about"]
    .flatMap((p) => p.toLowerCase().split(/\s+/))
    .filter((w) => /^[a-z]{4,}$/.test(w)),
);

/** Every cue word: such words never count as content keywords. */
export const CUE_WORDS: ReadonlySet<string> = new Set([...RELATIONS.flatMap(([, ps]) => ps.flat()), ...COMPILED_QUANTITIES.flatMap(([, , ps]) => ps.flat()), ...COMPILED_KINDS.flatMap(([, ps]) => ps.flat())]);

export const isCueWord = (forms: ReadonlySet<string>): boolean => [...forms].some((f) => CUE_WORDS.has(f));

/** The forms of each word of a question, in order. */
export type Forms = ReadonlyArray<ReadonlySet<string>>;

/** Words a phrase may enclose: a figure and its hedge ("put up to 10b into"), an article or "money". */
const FILLER = new Set(["up", "to", "about", "around", "over", "nearly", "almost", "roughly", "some", "another", "a", "an", "the", "its", "their", "his", "her", "money", "cash", "more", "extra", "additional", "billion", "million", "trillion", "bn", "b", "m"]);
const isFiller = (forms: ReadonlySet<string>): boolean => [...forms].some((f) => FILLER.has(f) || /\d|^\$/.test(f));
const MAX_FILLER = 3;

/**
 * Position of the first occurrence of a phrase among the question's word forms, or -1. Between the
 * words of a phrase, up to three filler words may stand ("put up to $10b into" matches "put into").
 */
export function find(lemmas: Forms, phrase: Phrase): number {
  const n = phrase.length;
  for (let i = 0; i + n <= lemmas.length; i++) {
    if (!lemmas[i]!.has(phrase[0]!)) continue;
    let at = i + 1;
    let ok = true;
    for (let j = 1; j < n && ok; j++) {
      let skipped = 0;
      while (at < lemmas.length && !lemmas[at]!.has(phrase[j]!) && skipped < MAX_FILLER && isFiller(lemmas[at]!)) {
        at++;
        skipped++;
      }
      ok = at < lemmas.length && lemmas[at]!.has(phrase[j]!);
      at++;
    }
    if (ok) return i;
  }
  return -1;
}

/** The first phrase of a list found: its position, or -1. */
export function findAny(lemmas: Forms, phrases: readonly Phrase[]): number {
  let best = -1;
  for (const p of phrases) {
    const at = find(lemmas, p);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

export const hasAny = (lemmas: Forms, phrases: readonly Phrase[]): boolean => findAny(lemmas, phrases) >= 0;

/** Words that never name an entity by a typo-tolerant match, nor pick out a deal by title. */
export const GENERIC_DEAL_WORDS: ReadonlySet<string> = new Set([
  ...CUE_VOCABULARY,
  ..."lease leases cloud compute data center centre centers project joint venture supply order orders acquisition capital stock price rental renting ai infrastructure agreement deal deals contract contracts power energy chips gpus billion trillion million".split(" "),
]);

/** The metrics and units a quantity stands for. */
export function specOf(q: Quantity): QuantitySpec | undefined {
  return COMPILED_QUANTITIES.find(([x]) => x === q)?.[1];
}
