import { COMPILED_KINDS, find, type Forms, hasAny } from "./cues.js";
import type { AnswerKind, Quantity } from "./lexicon.js";

/** The kind of answer a question wants: a figure, a list, a ranking, who, when, a comparison... */

/** A yes/no question: by its first word, or by a tag at its end ("..., didn't it?", "... right?"). */
export const YES_NO = /^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|isn't|wasn't|didn't|doesn't|didnt|doesnt|isnt|wasnt)\b|(?:\b(?:didn'?t|doesn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|hasn'?t|haven'?t|won'?t) (?:it|they|he|she|we|you|there)|,\s*(?:right|correct|true|no|yeah|yes|yep|ya|huh|eh|innit)|\s(?:right|correct|yeah|yep|huh|innit))\s*\??$/;
export const SUPERLATIVE = /\b(?:biggest|largest|most|top|highest|smallest|lowest|least|longest|shortest|newest|latest|oldest|earliest|cheapest|priciest|most recent|rank(?:ed|ing)?|greatest|heaviest)\b/;

const TOP_UP = /\btop(?:ped|s|ping)?[ -](?:(?:it|them|that|this|the deal) )?up\b|\bon top\b/;

const RANK_TRIGGER = /\b(?:which|what|who|list|rank|top|show|name|give)\b|^(?:biggest|largest|top|most|newest|latest|smallest|longest)\b/;

/** "which chip supplier is in stargate uae", "what tenant...": a party by its role. */
const ROLE_ASKED = /\b(?:which|what) (?:[\w-]+ )?(?:suppliers?|partners?|tenants?|landlords?|lenders?|buyers?|providers?|developers?|operators?|customers?|sellers?|acquirers?|investors?|backers?)\b/;

const THINGS_ASKED = /^(?:(?:so|and|ok) )?(?:which|what) (?:[\w-]+ ){0,2}(?:plants|companies|firms|projects|sites|campuses|miners|neoclouds|startups|hyperscalers|utilities|reactors|funds|banks|countries)\b/;

export function readKind(lemmas: Forms, text: string, quantity: Quantity | null): AnswerKind {
  // "did they top it up": an addition, not a ranking ("top 3").
  const topUp = TOP_UP.test(text);
  const lower = topUp ? text.replace(new RegExp(TOP_UP.source, "g"), "add to it") : text;
  // "who pays spacex more, google or anthropic", "which is bigger, a or b": two things set against each other.
  if (/\b(?:who|which)\b/.test(lower) && /\b(?:more|less|bigger|larger|smaller|higher|lower)\b/.test(lower) && /\bor\b/.test(lower)) return "compare";
  // "how much bigger is oai's oracle contract than its aws one": one thing measured against another.
  if (/\b(?:bigger|larger|smaller|more|less|higher|lower|greater)\b(?:\s+\S+){1,8}?\s+than\b/.test(lower) && /\bhow (?:much|many)\b|\bby how much\b|\bwhich\b|\bis\b/.test(lower) && !/\b(?:more|less|greater|bigger|larger) than (?:\$|\d)/.test(lower)) return "compare";
  // "which nuclear plants are being restarted", "what bitcoin miners is fluidstack leasing from": a list of things.
  if (THINGS_ASKED.test(lower) && !/\bhow (?:much|many)\b/.test(lower)) return "list";
  if (ROLE_ASKED.test(lower) && !/\bhow (?:much|many)\b|\bdeals?\b/.test(lower)) return "who";
  for (const [kind, phrases] of COMPILED_KINDS) {
    if (!hasAny(lemmas, phrases)) continue;
    if (kind === "rank" && topUp && !SUPERLATIVE.test(lower)) continue;
    if (kind === "status" && !(YES_NO.test(lower) || /\bstatus\b|\bstill on\b|\bwhat happened\b/.test(lower))) continue;
    if (kind === "who" && !/\bwho\b|\bwhich (?:firm|bank|lender|investor|compan)|\bpart(?:y|ies)\b|\binvolved\b|\bbehind\b|\bbackers?\b/.test(lower)) continue;
    if (kind === "overview" && quantity !== null) continue;
    // "when did nvidia and humain announce their deal", "how much is their deal worth": one deal, not a list.
    if (kind === "list" && /^(?:(?:so|and|ok|but) )?(?:when|how (?:much|many|big|long))\b/.test(lower) && !/\bdeals\b/.test(lower)) continue;
    // "what about the 2026 deal": one deal, asked about next.
    if (kind === "list" && /^(?:(?:so|and|ok|but) )?(?:what|how) about\b/.test(lower) && !/\bdeals\b/.test(lower)) continue;
    if (kind === "compare" && /\bthan the\b/.test(lower) && !/\b(?:bigger|larger|smaller|more|less)\b/.test(lower)) continue;
    if (kind === "help" && /\bwhat do you know about\b/.test(lower)) return "overview";
    if (kind === "total" && /\btogether\b/.test(lower) && !/\b(?:all together|altogether|put together|together with)\b/.test(lower) && !/\bhow much\b/.test(lower)) continue;
    if (kind === "total" && /\btogether with\b/.test(lower)) continue;
    if (SUPERLATIVE.test(lower) && RANK_TRIGGER.test(lower) && (kind === "list" || kind === "who" || kind === "overview")) return "rank";
    return kind;
  }
  if (SUPERLATIVE.test(lower) && RANK_TRIGGER.test(lower) && !/\bhow (?:big|large|long)\b/.test(lower)) return "rank";
  if (/\bwhen\b|\bwhat (?:date|year|month)\b/.test(lower)) return "when";
  void find;
  return "figure";
}
