import type { Deal, Fact } from "../../kb/types.js";
import { METRIC_UNITS, type Metric } from "../../kb/vocabulary.js";
import { wordIn } from "../fact-words.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { factYears, isOtherBasis, magnitude } from "../kb-view.js";
import { lemma } from "../read/lemmas.js";
import { dealWords, factWordSet } from "./deal-words.js";
import type { Relation } from "../read/lexicon.js";
import { roleOf, rolesPay, rolesReceive } from "../verify/relations.js";
import { EARLIER_FIGURE } from "../read/figures-and-times.js";
import { SO_FAR } from "../read/lexicon.js";
import { placeNames } from "./candidates.js";
import { isPossible, LABEL_NOISE, labelWords, mentionsMonth, onePartAsked, partNotAsked, phaseFits, unaskedPart, WHOLE_DEAL_ORDINAL } from "./fact-parts.js";

export { isPossible } from "./fact-parts.js";

/**
 * Facts of the candidate deals, scored by how well they fit the query: the metric asked, the
 * unit, the question's own words in the fact's wording, the year, whose figure it is. Scoring
 * only orders; verify.ts decides whether the best one may be given as the answer.
 */

export interface ScoredFact {
  readonly fact: Fact;
  readonly deal: Deal;
  readonly score: number;
  /** The fact's metric is one the question asks for. */
  readonly metricFits: boolean;
}

const SUBJECT_QUANTITIES: ReadonlySet<string> = new Set(["valuation", "market-value", "stake", "shares", "share-price", "share-move", "revenue", "backlog", "investment", "statement", "spending", "pledge"]);

/** Metrics a deal's "size" falls back through when no quantity is named. */
export const HEADLINE_METRICS: readonly Metric[] = ["deal-value", "investment", "funding-round", "capex-pledge", "spending", "debt", "expansion-value", "annual-value", "monthly-value", "valuation", "capacity", "chip-count"] as Metric[];

export function scoreFacts(index: SearchIndex, q: StructuredQuery, deals: readonly Deal[], groups: readonly string[], limit = 40, subjects: ReadonlySet<string> = new Set(), carried: ReadonlySet<string> = new Set()): ScoredFact[] {
  const out: ScoredFact[] = [];
  const metrics = q.metrics.length > 0 ? q.metrics : HEADLINE_METRICS;
  const groupSet = new Set(groups);
  const places = placeNames(index, q);
  const terms = q.premise.figures.filter((f) => f.unit === "years" && f.value <= 30).map((f) => new RegExp(`\\b(?:${f.value}|${NUMBER_WORDS[f.value] ?? f.value})[- ]years?\\b`, "i"));
  const kindNouns = [...new Set(q.lemmas.filter((w) => DEAL_KIND_NOUNS.has(w)))];
  const possessors = q.entities.filter((e) => e.hasDeals && new RegExp(`\\b${e.text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:'s|’s|s')(?=\\s)`).test(q.lower)).map((e) => e.group);
  // Asked for the figure as it once stood, the figures that replaced one among the candidates yield to it.
  const earlierAsked = q.earlier === true || EARLIER_FIGURE.test(q.lower);
  const replacing = earlierAsked ? new Set(deals.slice(0, limit).flatMap((d) => d.factIds.map((id) => index.kb.facts.get(id)?.supersededBy))) : new Set<string | undefined>();
  const termNoun = q.quantity === "term" ? (TERM_NOUN.exec(q.lower)?.[1] ?? null) : null;
  deals.slice(0, limit).forEach((deal, rank) => {
    const dealText = places.length > 0 ? `${deal.title} ${deal.summary}`.toLowerCase() : "";
    const placeBonus = places.some((n) => hasWord(dealText, n)) ? 3 : 0;
    const titleBonus = namedInTitle(q, deal) ? 3 : 0;
    // "meta's bond sale": the company named as owner is a principal of the deal (the issuer), not a partner in someone else's.
    // "the bond sale", "the lease": the kind of deal the question names, in the deal's own title.
    const kindFit = carried.size > 0 ? 0 : 2 * kindNouns.filter((n) => titleHas(deal, n)).length;
    const ownerFit = possessors.length === 0 ? 0 : possessors.some((g) => deal.parties.some((p) => index.matcher.groupOf(p.entity) === g && PRINCIPAL_ROLES.has(p.role))) ? 1.5 : -1.5;
    // "meta's first coreweave contract": of a deal and its revision, the first part is the original deal.
    // ... and "the second one" is the revision.
    const revisionFit = !WHOLE_DEAL_ORDINAL.test(q.lower) ? 0 : q.phase === "first" ? (deal.revisedBy.length > 0 ? 6 : deal.revises.length > 0 ? -6 : 0) : q.phase === "second" ? (deal.revises.length > 0 ? 6 : deal.revisedBy.length > 0 ? -6 : 0) : 0;
    for (const id of deal.factIds) {
      const fact = index.kb.facts.get(id);
      if (!fact) continue;
      // "how much of that is equity": a metric the question names outright comes first among those asked.
      // ... but "how much of the second tranche came from softbank" names the whole a part is asked of.
      const metricNamed = fact.metric.split("-").every((w) => q.lemmas.includes(w) || q.lemmas.includes(lemma(w)) || (w === "value" && q.lemmas.includes("worth"))) && !new RegExp(`\\bof (?:the |that |its |this )?(?:(?!is |are |was |were )\\w+ )?${fact.metric.split("-")[0]}`).test(q.lower);
      const at = metricNamed && metrics.includes(fact.metric) ? 0 : metrics.indexOf(fact.metric);
      // The question uses the figure's own label words ("contracted revenue", "lease obligations"): that names the figure as surely as a metric cue.
      const labelHits = labelWordHits(q, fact);
      const unitFits = fact.unit !== "text" && (q.units.length > 0 ? q.units.includes(fact.unit) : q.metrics.some((m) => METRIC_UNITS[m]?.includes(fact.unit) ?? true));
      const metricFits = at >= 0 || (q.metrics.length > 0 && unitFits && labelHits >= LABEL_NAMES_FIGURE && distinctLabelHits(index, q, fact, deal) >= LABEL_NAMES_FIGURE);
      // Where a part is asked loosely ("how much went in right away"), the part decides more than the order of the metrics.
      let score = at >= 0 ? 20 - Math.min(at, q.phase !== null && !q.precise ? 2 : 10) : metricFits ? 12 : 0;
      // The question names the metric itself ("the second tranche", "its valuation").
      if (metricFits && metricNamed) score += 4;
      if (q.units.length > 0 && q.units.includes(fact.unit)) score += 2;
      // "paid so far", "already spent": the figure labelled as what has already moved.
      if (SO_FAR.test(q.lower) && MOVED_LABEL.test(fact.label ?? "")) score += 6;
      // "what kind of nvidia systems": the term that names that kind of thing, not the deal's financial terms.
      if (termNoun !== null && fact.unit === "text") score += new RegExp(`\\b${termNoun}`, "i").test(`${fact.text ?? ""} ${fact.label ?? ""} ${fact.quote}`) ? 4 : -4;
      // "how big is the texas campus": a place is as big as its power; its price is another question.
      if (q.quantity === "size" && q.metrics[0] === "capacity" && ["USD", "GBP", "EUR", "AUD"].includes(fact.unit)) score -= 4;
      score += wordScore(index, q, fact) + Math.min(9, 3 * labelHits);
      const own = factWordSet(index, fact);
      // A specific word that names the deal itself ("uae" of "Microsoft UAE investment") tells none of its figures apart.
      const header = dealWords(index, deal).header;
      for (const w of q.specifics) if (own.has(lemma(w))) score += header.has(lemma(w)) ? 1 : 5;
      // The part asked for ("the first abilene jv", "phase 2") outranks the order of loosely asked metrics ("how big").
      // A figure whose own label names the part outranks one whose quote merely mentions it beside another figure.
      if (q.phase !== null) score += phaseFits(q.phase, fact, deal, q.lower) ? (fact.label === undefined && fact.text === undefined ? 2 : q.precise ? 8 : 12) : -3;
      // No part asked ("how many MW is coreweave leasing at ellendale"): a figure labelled as one part yields to the whole.
      else if (q.months.length === 0 && q.years.length === 0 && unaskedPart(fact, q.lower)) score -= 2;
      if (q.years.length > 0 && factYears(fact).some((y) => q.years.includes(y))) score += 2;
      // A figure whose own words name the month ("the September expansion") over one merely reported then.
      if (q.months.length > 0) score += mentionsMonth(fact, q.months) ? 12 : q.months.includes(fact.asOf.month ?? 0) ? 5 : 0;
      if (q.premise.actor !== null && q.relation !== null) score += Math.max(0, roleFit(index, deal, q.premise.actor, q.relation));
      if (subjects.size > 0 && fact.subject !== undefined && subjects.has(index.matcher.groupOf(fact.subject))) score += 4;
      const subject = fact.subject !== undefined ? index.matcher.groupOf(fact.subject) : undefined;
      // Whose figure it is matters when the question is about a party's own money or standing
      // ("how much is Amazon investing", "OpenAI's valuation"), not for "what is the deal worth".
      const partyAsked = (q.relation !== null && q.relation !== "value") || (q.quantity !== null && SUBJECT_QUANTITIES.has(q.quantity));
      // "how much of the bonds did pimco take": a part asked of one company is that company's own figure.
      if (subject !== undefined) score += groupSet.has(subject) ? (partyAsked || OWN_PART.test(q.lower) ? 3 : 0) : groups.length > 0 ? -4 : -1;
      // One party's part of a whole ("SoftBank's part of the second tranche") answers only a question about that party's money.
      if (isPartOf(fact) && !partAsked(q)) score -= 6;
      if (q.premise.actor !== null && subject === q.premise.actor && partyAsked) score += 2;
      score += chipTypeFit(q, fact) + otherNamedInLabel(q, fact, subject) + beforeAfterFit(q, fact);
      // "how much is microsoft paying iren": the payee's own spending ("IREN's purchase from Dell") is another payment.
      if (q.premise.target !== null && subject === q.premise.target && q.relation !== null && ["pay", "invest", "lend"].includes(q.relation)) score -= 5;
      if (isOtherBasis(fact)) score -= 8;
      if (onePartAsked(index, q, fact)) score -= 8;
      // ... and a part yields to its whole unless the question uses the part's own words ("in AI and cloud datacenters").
      else if (partNotAsked(index, q, fact)) score -= 8;
      // A figure that may come to be ("potential $16 billion if extended") answers only a question about what could be.
      if (isPossible(fact)) score += q.phase === "eventual" ? 4 : -3;
      // A superseded figure only when the question asks for the figure as it once stood, then first.
      if (fact.supersededBy !== undefined) score += earlierAsked ? 2 : -10;
      else if (replacing.has(fact.id)) score -= 2;
      if (fact.metric === "statement" && q.quantity !== "statement") score -= 10;
      score += fact.unit === "text" && q.quantity !== "statement" && !["term", "expansion", "start-date", "completion-date", "closing-date", "announcement-date"].includes(fact.metric) ? -2 : 0;
      const tier = index.kb.sources.get(fact.source)?.tier;
      score += tier === "A" ? 0.6 : tier === "C" ? -0.6 : 0;
      score -= rank * 0.4;
      // "how much did zuck say meta would invest": a figure the person named is quoted giving, or whose own words name them.
      if (q.entities.some((e) => e.kind === "person" && (fact.speaker === e.id || own.has(lemma(index.kb.entities.get(e.id)?.name.split(" ").at(-1)?.toLowerCase() ?? ""))))) score += 4;
      // "the google cloud commitment over 5 yrs": a term the question gives, in the figure's own words.
      for (const t of terms) if (t.test(`${fact.quote} ${fact.label ?? ""} ${fact.text ?? ""}`)) score += 3;
      // "how much is msft investing in the uae": a pledge's own amount, before the parts already spent.
      if (deal.type === "capex-pledge" && fact.metric === "capex-pledge" && (q.quantity === "investment" || q.quantity === "spending" || q.quantity === "value")) score += 4;
      // "how much was coreweave gonna pay for core scientific": what a buyer pays for a company is the acquisition's price.
      if (deal.type === "acquisition" && (q.relation === "pay" || q.relation === "acquire") && fact.metric === "deal-value") score += 6;
      // "all the contracts added up": a total asked is the figure its deal labels as the total.
      if (q.kind === "total" && /\b(?:total|combined|overall|in all)\b/i.test(fact.label ?? "")) score += 6;
      // A follow-up stays in the deal just discussed before any other deal of the same companies.
      score += titleBonus + revisionFit + placeBonus + ownerFit + kindFit + (carried.has(deal.id) ? 3 : 0);
      out.push({ fact, deal, score, metricFits });
    }
  });
  // Of a deal's figures for one metric, the largest is its headline ("1,121 MW", not the "30 MW" uprate).
  if (q.phase === null) {
    const best = new Map<string, number>();
    // Compared on one scale (magnitude): 1 GW is larger than 200 MW.
    const size = magnitude;
    for (const s of out) if (s.metricFits && s.fact.value !== undefined && !isPossible(s.fact)) best.set(`${s.deal.id} ${s.fact.metric}`, Math.max(best.get(`${s.deal.id} ${s.fact.metric}`) ?? 0, size(s.fact)));
    for (let i = 0; i < out.length; i++) {
      const s = out[i]!;
      if (s.metricFits && s.fact.value !== undefined && best.get(`${s.deal.id} ${s.fact.metric}`) === size(s.fact)) out[i] = { ...s, score: s.score + 1 };
    }
  }
  // "the latest capex guide", "current figure": of a deal's figures for one metric, the most recent.
  if (LATEST.test(q.lower)) {
    const newest = new Map<string, string>();
    for (const s of out) {
      const key = `${s.deal.id} ${s.fact.metric}`;
      const seen = newest.get(key);
      if (s.metricFits && (seen === undefined || s.fact.asOf.iso > seen)) newest.set(key, s.fact.asOf.iso);
    }
    for (let i = 0; i < out.length; i++) {
      const s = out[i]!;
      if (s.metricFits && newest.get(`${s.deal.id} ${s.fact.metric}`) === s.fact.asOf.iso) out[i] = { ...s, score: s.score + 3 };
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

const NUMBER_WORDS: Readonly<Record<number, string>> = { 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 12: "twelve", 15: "fifteen", 20: "twenty" };

/** Nouns that name a kind of deal ("bond sale", "lease", "merger"): matched against deals' titles. */
const DEAL_KIND_NOUNS: ReadonlySet<string> = new Set(["bond", "loan", "lease", "merger", "acquisition", "pledge", "round", "licence", "license", "warrant", "backstop", "ppa", "venture", "jv", "bid", "takeover", "restart"]);
const titleHas = (deal: Deal, noun: string): boolean => new RegExp(`\\b${noun}`, "i").test(deal.title);

/** A label saying money has already moved: "amount already transferred", "spent so far", "invested to date". */
const MOVED_LABEL = /\b(?:already|so far|to date|transferred|received)\b/i;

/** The kind of thing a term question names: "which nvidia chips", "what aws product". */
const TERM_NOUN = /\b(?:which|what)\s+(?!about\b)(?:kind of |type of |sort of )?(?:[\w.-]+\s+){0,2}?(chip|gpu|tpu|accelerator|product|model|system|hardware|processor|server|instance|rack)s?\b/;

/** Roles that make a deal a company's own: not a supplier's or partner's part in someone else's deal. */
const PRINCIPAL_ROLES: ReadonlySet<string> = new Set(["buyer", "investor", "acquirer", "tenant", "borrower", "issuer", "lender", "landlord", "investee", "target", "seller", "provider", "developer"]);

const LATEST = /\b(?:latest|newest|most recent|current(?:ly)?|updated|up to date|as of now|right now)\b/;

/** The question writes a name ("AWS", "Stargate UAE") as the deal's title does, and not just its company's name. */
export function namedInTitle(q: StructuredQuery, deal: Deal): boolean {
  const title = deal.title.toLowerCase();
  return q.entities.some((e) => {
    const t = e.text.toLowerCase();
    return t.length >= 2 && t !== e.group && hasWord(title, t);
  });
}

const WORD_CHAR = /[\p{L}\d]/u;

/** `needle` occurs in `haystack` with no letter or digit right before or after it (no RegExp built per call). */
export function hasWord(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = at === 0 ? "" : haystack[at - 1]!;
    const after = haystack[at + needle.length] ?? "";
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}





/** Right after a company's name: a verb of putting money in ("nvidia is chipping in", "amazon investing"). */
const GIVES_AFTER = /^(?:'s)?\s+(?:(?:is|are|was|were|be|been|has|have|had|will|going to|gonna)\s+)?(?:invest\w*|chip\w* in|put\w* in|pour\w*|contribut\w*|pitch\w* in|kick\w* in)\b/;

/** Words that ask for one party's own part of a whole: "how much of it", "SoftBank's share", "itself". */
const OWN_PART = /\bhow much of\b|\b(?:itself|alone|its own|their own|(?:'s|s'|’s) (?:own )?(?:part|portion|share|contribution|cut|piece|chunk|slice|stake in it|bit))\b/;

/** "How much did SoftBank put in", "how much of it came from SoftBank itself": one party's part is asked. */
function partAsked(q: StructuredQuery): boolean {
  if (q.relation !== null && q.relation !== "value") return true;
  // "how much is nvidia chipping in": a company named as the one putting money in.
  if (q.entities.some((e) => {
    const at = q.lower.indexOf(e.text.toLowerCase());
    return at >= 0 && GIVES_AFTER.test(q.lower.slice(at + e.text.length));
  })) return true;
  if (OWN_PART.test(q.lower)) return true;
  return q.entities.some((e) => new RegExp(`\\b(?:from|by) ${e.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(q.lower));
}

/** A figure that is one party's share of a larger whole the deal also reports. */
export function isPartOf(fact: Fact): boolean {
  return /\b(?:part|portion|share) of\b|['’]s (?:part|portion|share|contribution)\b/i.test(fact.label ?? "");
}

/**
 * "how much did nvda put into nscale": a figure whose label names the other company asked about
 * ("Nvidia's investment in Nscale") is that figure, among the same company's figures in a deal.
 */
function otherNamedInLabel(q: StructuredQuery, fact: Fact, subject: string | undefined): number {
  // Only a company's own figure: its label naming the counterpart says what the money went to.
  if (fact.label === undefined || subject === undefined || q.entities.length < 2) return 0;
  const label = fact.label.toLowerCase();
  return 2 * q.entities.filter((e) => e.group !== subject && e.text.length >= 3 && hasWord(label, e.text.toLowerCase())).length;
}

/** "after the recapitalisation": a figure labelled as the one before it is another figure, and the other way round. */
function beforeAfterFit(q: StructuredQuery, fact: Fact): number {
  const label = fact.label ?? "";
  const asked = /\b(?:after|post|now|since|following)\b/.test(q.lower) ? "after" : /\b(?:before|prior to|pre)\b/.test(q.lower) ? "before" : null;
  if (asked === null) return 0;
  const own = /\bbefore\b|\bprior to\b/.test(label) ? "before" : /\bafter\b|\bfollowing\b/.test(label) ? "after" : null;
  return own === null ? 0 : own === asked ? 2 : -9;
}

const CHIP_TYPES = ["gpu", "cpu", "tpu"] as const;

/** "how many GPUs": a figure whose own wording counts CPUs (or TPUs) and not GPUs is another count. */
function chipTypeFit(q: StructuredQuery, fact: Fact): number {
  const asked = CHIP_TYPES.filter((t) => new RegExp(`\\b${t}s?\\b`).test(q.lower));
  if (asked.length === 0) return 0;
  const own = `${fact.label ?? ""} ${fact.text ?? ""}`.toLowerCase();
  const named = CHIP_TYPES.filter((t) => new RegExp(`\\b${t}s?\\b`).test(own));
  return named.length > 0 && !named.some((t) => asked.includes(t)) ? -6 : 0;
}

/** +3 when the actor plays the giving side of the relation in this deal, -3 when the receiving side. */
function roleFit(index: SearchIndex, deal: Deal, actor: string, relation: Relation): number {
  const role = roleOf(index, deal, actor);
  if (role === undefined) return 0;
  if (rolesPay(relation).includes(role)) return 3;
  if (rolesReceive(relation).includes(role)) return -3;
  return 0;
}

/** The question's content words found in the fact's label, text and note (strong) or quote (weak). */
function wordScore(index: SearchIndex, q: StructuredQuery, fact: Fact): number {
  if (q.keywords.length === 0) return 0;
  const fw = index.factWords.of(fact);
  let score = 0;
  for (const k of q.keywords) {
    const where = wordIn(fw, k);
    score += where === "label" ? 2.5 : where === "quote" ? 1 : 0;
  }
  return Math.min(score, 8);
}

/** Label words of the question that the deal's own title and summary do not use: they tell this figure from the deal's others. */
function distinctLabelHits(index: SearchIndex, q: StructuredQuery, fact: Fact, deal: Deal): number {
  if (fact.label === undefined) return 0;
  const header = dealWords(index, deal).header;
  const label = labelWords(fact.label);
  return new Set(q.lemmas.filter((w) => w.length > 2 && label.has(w) && !header.has(w) && !LABEL_NOISE.has(w))).size;
}

/** Two content words of the question in a figure's label name that figure. */
const LABEL_NAMES_FIGURE = 2;

/** Question words in the fact's own label: the label is what tells figures of one quote apart. */
function labelWordHits(q: StructuredQuery, fact: Fact): number {
  if (fact.label === undefined) return 0;
  const label = labelWords(fact.label);
  // Names say which deal, not which figure: "AWS" in "length of the expanded AWS agreement" is no evidence.
  const names = new Set(q.entities.flatMap((e) => e.text.split(" ").map((w) => lemma(w))));
  const words = q.lemmas.filter((w, i, all) => w.length > 2 && all.indexOf(w) === i && !names.has(w));
  return words.filter((w) => label.has(w) && !LABEL_NOISE.has(w)).length;
}

