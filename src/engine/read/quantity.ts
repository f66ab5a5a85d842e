import { COMPILED_QUANTITIES, find, findAny, type Forms } from "./cues.js";
import type { Word } from "./lemmas.js";
import type { Quantity } from "./lexicon.js";

/**
 * Which quantity a question (or one part of it) asks for: the cue words of lexicon.ts, found in the
 * question's word forms, read in context ("how much did X pay for its stake" asks for money).
 */

/** "how much did X pay for its stake": money handed over, with the stake as what it bought. */
const PAID_FOR = /\bhow much\b.*\b(?:pay|paid|paying|spen[dt]|shell(?:ed)? out|fork(?:ed)? over)\b.*\bfor\b/;

const INCLUDED = /\b(?:incl|including|includes|include|excluding|excl|plus|count|counting|counted)\b/;
const STAKE_ASKED = /\b(?:what|which|how much|how many)\s?(?:%|percent|pct\b)|\b(?:slice|cut|piece|portion|chunk|share) of (?:the |that |it\b|its )?(?!shares?\b)|\bhow much of [\w\s.'&-]{1,40}? (?:does|do|did|will|would|is) [\w\s.'&-]{1,30}? (?:own|keep|hold|retain|control|get)\b|\bwho owns what\b|\bownership split\b/;
/** "what chunk of google cloud's backlog", "its slice of the raise": a part of a figure, not of a company. */
const NOT_OWNED = /\b(?:slice|cut|piece|portion|chunk|share|%|percent) of (?:the |that |its |their )?(?:[\w.'’-]+ ){0,2}(?:backlog|revenue|sales|capacity|round|raise|funding|money|investment|spend\w*|budget|capex|deal|contract|orders?)\b/;
const SHARE_MOVE = /\b(?:jump|jumped|rise|rose|fell|fall|drop|dropped|move|moved|pop|popped|soar|soared|surge|surged|climb|climbed|gain|gained|tank|tanked)\b/;
const STAKE_WORTH = /\b(?:worth|valued?|value of)\b|\bin (?:\$|dollars|usd)|\$\s*$/;

const DATE_QUANTITIES: ReadonlySet<Quantity> = new Set(["start", "completion", "announced", "duration"]);
/** "When was it announced?" asks for a date; "what was it valued at when it restructured" does not. */
export const WHEN = /^(?:(?:and|so|but|ok|okay|then|also)\s+)?when\b|^(?:the\s+)?date\b|\bdate of\b|\bon what date\b|\bwhat (?:date|year|month|day)\b|\bwhich (?:year|month)\b|\bby when\b|\bhow soon\b|\bthru when\b|\buntil when\b|\bsince when\b|,\s*when\b|\?\s*when\b|\band when\b/;

/** Every quantity the question asks for, in the order asked: "how much and how many GW" asks two. */
export function allQuantities(lemmas: Forms, lower: string): Quantity[] {
  const found: Array<{ q: Quantity; at: number }> = [];
  for (const [q, , phrases] of COMPILED_QUANTITIES) {
    const at = findAny(lemmas, phrases);
    if (at >= 0 && plausible(q, lower, lemmas, at) && !found.some((f) => f.at === at)) found.push({ q, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.q);
}

export function readQuantity(lemmas: Forms, lower: string, words: readonly Word[]): { quantity: Quantity | null; spec: (typeof COMPILED_QUANTITIES)[number][1] | null } {
  // "when ..." asks for a date: a date quantity named anywhere wins, else the announcement.
  if (WHEN.test(lower)) {
    for (const [q, spec, phrases] of COMPILED_QUANTITIES) {
      if (!DATE_QUANTITIES.has(q) || q === "duration" && !/\buntil when\b|\bthru when\b|\bthrough when\b/.test(lower)) continue;
      const at = findAny(lemmas, phrases);
      if (at >= 0 && plausible(q, lower, lemmas, at)) return { quantity: q === "duration" ? "completion" : q, spec: q === "duration" ? COMPILED_QUANTITIES.find(([x]) => x === "completion")![1] : spec };
    }
    if (/\b(?:end|run|last|expire|through|until)\b/.test(lower)) return { quantity: "completion", spec: COMPILED_QUANTITIES.find(([x]) => x === "completion")![1] };
    return { quantity: "announced", spec: COMPILED_QUANTITIES.find(([x]) => x === "announced")![1] };
  }
  // "how much hydro is google getting": an energy source measured by the amount of power, not money.
  if (/\bhow much (?:hydro|hydropower|nuclear|solar|wind|geothermal|clean energy)\b/.test(lower) && !/\b(?:worth|cost|pay\w*|spen[dt]\w*|invest\w*|value|\$)/.test(lower)) {
    return { quantity: "capacity", spec: COMPILED_QUANTITIES.find(([x]) => x === "capacity")![1] };
  }
  // "what % of airtrunk", "blue owl's cut of the jv", "how much of hyperion does meta keep": a share owned.
  // "what's msft's openai stake worth in $": the stake's value.
  const stake = COMPILED_QUANTITIES.find(([x]) => x === "stake")![1];
  if (STAKE_ASKED.test(lower) && !SHARE_MOVE.test(lower) && !PAID_FOR.test(lower) && !NOT_OWNED.test(lower)) return { quantity: "stake", spec: STAKE_WORTH.test(lower) ? { ...stake, metrics: ["stake-value", "stake"] as typeof stake.metrics } : stake };
  // "how much coreweave stock did oai pick up": equity bought, in money.
  if (/\bhow much (?:[\w.-]+ )?(?:stock|equity)\b/.test(lower) && !/\bstock (?:price|move|jump|pop)/.test(lower)) return { quantity: "stake", spec: { ...stake, metrics: ["stake-value", "equity", "investment", "stake"] as typeof stake.metrics, precise: false } };
  if (/\bstake\b/.test(lower) && STAKE_WORTH.test(lower)) return { quantity: "stake", spec: { ...stake, metrics: ["stake-value", "stake"] as typeof stake.metrics } };
  // "the capex for 1 gw of compute", "what does a gigawatt cost": a cost per unit.
  if (/\b(?:for|per|each|every)\s+(?:1|one|a|each)\s+(?:gw|gigawatts?)\b|\b(?:a|one|1)\s+(?:gw|gigawatt) cost/.test(lower)) return { quantity: "cost-per-unit", spec: COMPILED_QUANTITIES.find(([x]) => x === "cost-per-unit")![1] };
  // "how much is google on the hook for": an obligation, a backstop first, else what the company committed.
  if (/\bon the hook\b/.test(lower) && !/\bhow many\b/.test(lower)) {
    const backstop = COMPILED_QUANTITIES.find(([x]) => x === "backstop")![1];
    return { quantity: "backstop", spec: { ...backstop, metrics: ["backstop", "spending", "deal-value", "investment"] as typeof backstop.metrics, precise: false } };
  }
  // "what did nvidia pay per intel share": a price per share, whatever word names the company.
  if (/\b(?:per|a|each) (?:[\w.-]+ )?share\b/.test(lower) && !/\bshare (?:of|price move)\b|\bhow many\b|\bratio\b/.test(lower)) return { quantity: "share-price", spec: COMPILED_QUANTITIES.find(([x]) => x === "share-price")![1] };
  // "how many $", "how many dollars": money, whatever the noun.
  if (/\bhow (?:many|much) (?:\$|dollars|bucks|usd)(?!\w)/.test(lower)) return { quantity: "value", spec: COMPILED_QUANTITIES.find(([x]) => x === "value")![1] };
  // "how much in grants", "for how much": money, whatever else the question names.
  if (/\bhow much in (?:grants?|cash|money|subsid\w+)\b|\bhow much (?:grants?|subsid\w+)\b|\bfor how much\b/.test(lower)) return { quantity: "value", spec: COMPILED_QUANTITIES.find(([x]) => x === "value")![1] };
  // "which nvidia chips is aws handing openai", "what aws product": a kind of thing is named, not counted.
  if (/\b(?:which|what)\s+(?!about\b)(?:kind of |type of |sort of )?(?:[\w.-]+\s+){0,2}?(?:chips?|gpus?|tpus?|accelerators?|products?|models?|systems?|hardware|processors?|servers? (?:model|type)|instances?|racks?)\b/.test(lower) && !/\bhow (?:many|much)\b/.test(lower) && !/\b(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(?:deals?|companies|firms)\b/.test(lower)) {
    const term = COMPILED_QUANTITIES.find(([x]) => x === "term")![1];
    return { quantity: "term", spec: { ...term, metrics: ["term"] as typeof term.metrics } };
  }
  // "how many X": the noun right after names the quantity.
  const hm = /\bhow many (\w+)/.exec(lower);
  const target = hm ? hm[1]!.replace(/(?:es|s)$/, "") : null;
  // "how much is Microsoft paying for the Norway capacity": money, with capacity as what is bought.
  const paying = (/^(?:so |and |ok )?(?:how much|what(?:'s| is| are| was| were| does| did| do| will)?)\b(?! (?:capacity|power|compute|energy|electricity|gw|gigawatts?|mw|megawatts?|hydro|hydropower|nuclear|solar|wind|geothermal|clean energy)\b)/.test(lower) && /\b(?:pay\w*|paid|spend\w*|spent|cost\w*|worth|invest\w*|shell\w*|commit\w*|value|on the hook)\b/.test(lower))
    // "what's the google anthropic tpu deal worth": the chips name the deal, the money is asked.
    || (/\b(?:worth|value|price tag|cost)\b/.test(lower) && !/\bhow (?:many|much (?:capacity|power|compute))\b/.test(lower));
  for (const [q, spec, phrases] of COMPILED_QUANTITIES) {
    const at = findAny(lemmas, phrases);
    if (at < 0) continue;
    if (!plausible(q, lower, lemmas, at)) continue;
    // "msft's total uae number incl the g42 stake": what a figure includes is not the figure asked.
    const cue = phrases.find((p) => find(lemmas, p) === at)?.[0];
    if (cue !== undefined && new RegExp(`${INCLUDED.source}\\s+(?:\\S+\\s+){0,3}?${cue.replace(/[.*+?^${}()|[\]\\]/g, "")}`).test(lower)) continue;
    // "why did oai sign a $300b deal with aws": why is asked, not when; the signing is the premise.
  if (DATE_QUANTITIES.has(q) && /^(?:(?:so|and|but|ok|lol|wait)\s+)?why\b/.test(lower)) continue;
  // "the india commitment nadella announced in december", "the gpu deal running thru 2031 - price tag?":
    // a time stated right after its verb describes the deal; what is asked is another quantity.
    if (DATE_QUANTITIES.has(q) && timeStatedAfter(lemmas, at) && otherQuantityAsked(lemmas, lower, q)) continue;
    // "the loan that closed in march - how big": a date word that describes the deal, where a size is asked.
    if ((q === "start" || q === "completion" || q === "announced") && /\bhow (?:much|many|big|large)\b/.test(lower)) continue;
    // "what's the signed oracle meta deal worth": a date word describes the deal where its worth is asked.
    if (q === "announced" && /\b(?:worth|value|valued|price tag|cost)\b/.test(lower)) continue;
    // "how much did nvidia pay for its nokia stake": the stake is what is bought; the money is asked.
    if (paying && (q === "capacity" || q === "chips" || q === "servers" || q === "size")) continue;
    // "how much is that" of a GPU lease: money is asked, the chips name what it buys ("how many" counts them).
    if ((q === "chips" || q === "servers") && /\bhow much\b(?! of)/.test(lower) && !/\bhow many\b/.test(lower)) continue;
    if ((q === "stake" || q === "shares") && PAID_FOR.test(lower)) continue;
    if (q === "statement" && /^(?:so |and )?how (?:much|many|big|long)\b/.test(lower)) continue;
    // "if u count debt": counting something in, not a count asked.
    if (q === "count" && /\b(?:if|when|once|after) (?:you|u|we|i|they|one) count\b|\bcounting\b/.test(lower) && !/\bhow many\b/.test(lower)) continue;
    // "what state is the abilene campus in": a place, not a statement.
    if (q === "statement" && /\b(?:what|which) (?:us )?state\b/.test(lower)) continue;
    if (target !== null && !phrases.some((p) => p.some((w) => w.startsWith(target))) && q !== "shares" && isCountNoun(target)) continue;
    return { quantity: q, spec };
  }
  void words;
  return { quantity: null, spec: null };
}

const TIME_PREPOSITIONS = new Set(["in", "on", "thru", "through", "until", "till", "to", "by", "since", "during", "from"]);
const TIME_WORD = /^(?:20[1-4]\d|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4]|h[12]|early|mid|late|last|this|next|the)$/;

/** A preposition and a time within a few words after the cue: "announced in december", "running thru 2031". */
function timeStatedAfter(lemmas: Forms, at: number): boolean {
  for (let i = at + 1; i <= at + 3; i++) {
    const here = lemmas[i];
    if (here === undefined) return false;
    if ([...here].some((w) => TIME_PREPOSITIONS.has(w))) return [...(lemmas[i + 1] ?? [])].some((w) => TIME_WORD.test(w));
  }
  return false;
}

/** Another quantity than `q` is named in the question ("price tag", "commitment", "how many GW"). */
function otherQuantityAsked(lemmas: Forms, lower: string, q: Quantity): boolean {
  return COMPILED_QUANTITIES.some(([other, , phrases]) => other !== q && !DATE_QUANTITIES.has(other) && other !== "statement" && findAny(lemmas, phrases) >= 0 && plausible(other, lower, lemmas, findAny(lemmas, phrases)))
    || /^(?:so |and |ok )?(?:what(?:'s| is| was|s)?|how (?:much|many|big|large))\b/.test(lower);
}

const COUNT_NOUNS = new Set(["chip", "gpu", "tpu", "cpu", "server", "job", "acre", "home", "site", "building", "share", "year", "month", "gigawatt", "megawatt", "gw", "mw", "deal", "campus", "location", "system", "rack", "accelerator", "processor", "warrant", "worker", "employee", "household", "house"]);
const isCountNoun = (l: string) => COUNT_NOUNS.has(l);

/** Cue words that have everyday senses: drop the cue where the sense is plainly another. */
function plausible(q: Quantity, lower: string, lemmas: Forms, at: number): boolean {
  const next = lemmas[at + 1] ?? new Set<string>();
  const prev = lemmas[at - 1] ?? new Set<string>();
  switch (q) {
    case "duration":
      return !/\blast (?:year|month|week|time|quarter|fall|spring|summer|winter|night)\b/.test(lower) && !/\bat last\b/.test(lower);
    case "statement":
      return !/\bunited states?\b|\bstate of\b|\bstates\b|\bstate-/.test(lower) && !/\bin (?:a )?word\b/.test(lower);
    case "completion":
      return !/\bclose to\b|\bclosely\b/.test(lower) || /\bclos(?:e|ing) date\b|\bwhen\b/.test(lower);
    case "investment":
      return !(lemmas[at]?.has("back") && /\bback (?:in|then|when|to)\b|\bbring back\b|\bcome back\b|\bgo back\b/.test(lower));
    case "stake":
      return !(lemmas[at]?.has("hold") && /\bhold (?:up|on|off)\b/.test(lower)) && !(lemmas[at]?.has("own") && /\b(?:its|their|his|her) own\b/.test(lower));
    case "announced":
      return !/\bhappen(?:ed|ing)? (?:to|with)\b/.test(lower) || /\bwhen\b/.test(lower);
    case "servers":
      return !/\boperating system\b|\bsystem prompt\b/.test(lower);
    case "buildings":
      return /\bbuildings\b|\bhow many building|\bnumber of building/.test(lower);
    case "capacity":
      return !next.has("attorney");
    case "chips":
      // "how much is nvidia chipping in": to chip in is to contribute money.
      // ... but "how many nvidia chips in the uk" counts chips.
      return !(lemmas[at]?.has("chip") && next.has("in")) || (/\bhow many\b/.test(lower) && !/\bchip(?:ping|ped)? in\b/.test(lower));
    case "value":
      return !prev.has("face");
    case "debt":
      // "the price incl debt": debt that qualifies another figure is not the figure asked.
      return !["incl", "including", "include", "with", "plus"].some((w) => prev.has(w));
    default:
      return true;
  }
}
