import type { Deal, Fact } from "../../kb/types.js";
import type { Unit } from "../../kb/vocabulary.js";
import { isOtherBasis } from "../kb-view.js";
import { lemma } from "../read/lemmas.js";
import type { StructuredQuery } from "../read/query.js";
import { dealWords } from "../retrieve/deal-words.js";
import type { SearchIndex } from "../search-index.js";
import { isCancelled, roleOf, rolesPay, rolesReceive } from "./relations.js";
import { citiesAsked, isUsState, knownPlace, placesAsked, placesIn } from "../compose/places.js";
import { type Failure, otherNameOfDeal } from "./verify.js";
import { standingFailures } from "./standing.js";

/**
 * The premise checks: what a question takes for granted about a deal (who pays whom, that it was
 * acquired or cancelled, the figures the user states, whose money a figure is), checked against
 * the deal whatever kind of answer is composed. verify.ts runs them for each candidate figure.
 */

/** What the premise of the question takes for granted about a deal, checked whatever the kind of answer. */
export function premiseFailures(index: SearchIndex, q: StructuredQuery, deal: Deal): Failure[] {
  const out: Failure[] = [...directionFailures(index, q, deal), ...attributionFailures(index, q, deal)];
  const r = q.relation;
  // "coreweave bought core scientific": a bid that was rejected or scrapped bought nothing.
  if (r === "acquire" && (deal.type !== "acquisition" || (isCancelled(deal) && q.kind !== "status" && DONE_CLAIM.test(q.lower)))) out.push({ kind: "relation", relation: r });
  // "how much did coreweave pay when it closed the core scientific buy": whatever is asked, a deal that fell through closed nothing.
  else if (r !== "cancel" && deal.type === "acquisition" && isCancelled(deal) && q.kind !== "status" && DONE_CLAIM.test(q.lower)) out.push({ kind: "relation", relation: "acquire" });
  // "since nvda already wired openai the full 100bn": money said to have moved under a deal that was scrapped moved nowhere.
  else if ((r === "pay" || r === "invest") && isCancelled(deal) && q.kind !== "status" && PAID_CLAIM.test(q.lower)) out.push({ kind: "relation", relation: r });
  // "stargate was announced in 2024 right?": the year a deal was struck, claimed, must be the deal's.
  // So is a year told as fact beside its verb ("stargate launched in jan 2024 with $500b, who announced it").
  const toldYear = STRUCK_IN_YEAR.exec(q.lower);
  if (q.years.length > 0 && (q.yesNo ? STRUCK.test(q.lower) : toldYear !== null) && !(toldYear ? [Number(toldYear[1])] : q.years).some((y) => y === deal.announced.year)) out.push({ kind: "year", years: q.years });
  if (r === "cancel" && (q.yesNo || /\b(?:why|when|after)\b/.test(q.lower)) && !isCancelled(deal)) out.push({ kind: "relation", relation: r });
  for (const stated of q.premise.figures) {
    // A figure the user states ("$18b", "10 year", "51%") must be one the deal reports, where it reports that kind of figure at all.
    // A count or power figure the deal never reports is wrong when another deal of a company named holds it ("broadcom's warrants for 160m shares").
    // Asked to confirm ("spread over 15 years, right?"), a figure the deal never reports is not confirmed.
    // A term ("the 5yr commitment") the deal never gives describes it; it is wrong only where the deal gives another, or is asked to be confirmed.
    const term = stated.unit === "years" || stated.unit === "months";
    const wrong = stated.unit === "USD" ? !dealHas(index, deal, stated.value) : reportsUnit(index, deal, stated.unit) ? !dealHolds(index, deal, stated.value, stated.unit) : confirmAsked(q) || (!term && heldElsewhere(index, q, deal, stated.value, stated.unit) !== undefined);
    if (wrong) out.push({ kind: "figure", stated: stated.value, unit: stated.unit });
  }
  const dw = dealWords(index, deal);
  for (const w of q.specifics) if (!hasWordLike(dw.all, lemma(w)) && !otherNameOfDeal(q, dw, w)) out.push({ kind: "specific", word: w, level: "deal" });
  out.push(...placeFailures(index, q, deal), ...standingFailures(index, q, deal));
  return out;
}

/** A yes/no question that states one figure to confirm, not a choice between figures ("17 or 20 years"). */
export function confirmAsked(q: StructuredQuery): boolean {
  return q.yesNo && !/\b\d[\w.]*\s*(?:[a-z%]+\s+)?or\s+\$?\d/.test(q.lower);
}

/** Another deal of a company the question names that reports the figure (in its unit; GW and MW as one). */
export function heldElsewhere(index: SearchIndex, q: StructuredQuery, deal: Deal, value: number, unit: Unit): Deal | undefined {
  const groups = [...new Set(q.entities.map((e) => e.group))];
  let best: { d: Deal; n: number } | undefined;
  for (const g of groups) {
    for (const id of index.dealsByGroup.get(g) ?? []) {
      const other = index.kb.deals.get(id);
      if (other === undefined || other.id === deal.id || !dealHolds(index, other, value, unit)) continue;
      // "1 million tpus": a deal counting TPUs over one counting GPUs, then the one more of the question's companies are in.
      const exact = other.factIds.some((fid) => index.kb.facts.get(fid)?.unit === unit) ? 2 : 0;
      const n = exact + groups.filter((x) => (index.dealShape.get(other.id)?.partyGroups ?? []).includes(x)).length;
      if (!best || n > best.n) best = { d: other, n };
    }
  }
  return best?.d;
}

const dealPlaces = new WeakMap<Deal, readonly string[]>();

/**
 * "meta's hyperion data center in texas": a US state or country the question puts the deal in,
 * where the deal's own words place it in another of the same kind and never name the one asked.
 */
const US_NAMES: ReadonlySet<string> = new Set(["US", "U.S.", "USA", "United States", "America"]);

export function placeFailures(index: SearchIndex, q: StructuredQuery, deal: Deal): Failure[] {
  const asked = placesAsked(q.lower);
  const cities = citiesAsked(q.lower);
  if (asked.length === 0 && cities.length === 0) return [];
  let places = dealPlaces.get(deal);
  if (places === undefined) {
    const labels = deal.factIds.map((id) => index.kb.facts.get(id)?.label ?? "").join(". ");
    places = placesIn(`${deal.title}. ${deal.summary}. ${labels}`, (w) => index.matcher.recognise(w).length > 0);
    dealPlaces.set(deal, places);
  }
  const words = dealWords(index, deal).all;
  const out: Failure[] = [];
  // "google's ai hub in mumbai": a city the deal never names, where the deal names its own local places (not countries or states).
  const local = places.filter((p) => !isUsState(p) && !knownPlace(p));
  const namedCity = (c: string) => c.toLowerCase().split(" ").every((w) => words.has(lemma(w)));
  if (cities.length > 0 && !cities.some(namedCity) && local.length > 0) return [{ kind: "place", stated: cities[0]!, actual: local }];
  if (asked.length === 0) return [];
  // "across texas, portugal, the uk and narvik": one of the places asked is the deal's, so none is a false premise.
  if (asked.some((p) => places!.includes(p) || p.toLowerCase().split(" ").every((w) => words.has(lemma(w))))) return [];
  const american = places.some((p) => isUsState(p) || ["US", "U.S.", "United States"].includes(p));
  for (const stated of asked) {
    // A US state against a deal placed only in other countries ("the texas campus" of Stargate Norway) is elsewhere too.
    const same = isUsState(stated) && !american ? places.filter((p) => !isUsState(p)) : places.filter((p) => isUsState(p) === isUsState(stated) && p !== "US" && p !== "U.S.");
    const named = stated.toLowerCase().split(" ").every((w) => words.has(lemma(w)));
    // "stargate germany": another country, against a deal placed only in the US.
    const onlyAmerican = american && !isUsState(stated) && !US_NAMES.has(stated) && places.every((p) => isUsState(p) || US_NAMES.has(p));
    const actual = same.length > 0 ? same : onlyAmerican ? places : [];
    if (actual.length > 0 && !actual.includes(stated) && !named) out.push({ kind: "place", stated, actual });
  }
  return out;
}

export function directionFailures(index: SearchIndex, q: StructuredQuery, deal: Deal): Failure[] {
  const { actor, target } = q.premise;
  if (actor === null || target === null || q.relation === null || rolesPay(q.relation).length === 0) return [];
  // Verbs that run either way say nothing of direction: a buyer deploys chips as a supplier does,
  // and "X's lease to Y" has X as landlord where "X leases (from) Y" has X as tenant.
  if (q.relation === "supply" && TWO_WAY_SUPPLY.test(q.lower) && !ONE_WAY_SUPPLY.test(q.lower)) return [];
  // "what's microsoft paying coreweave": two partners on the same side of a consortium pay each other nothing.
  if (MONEY_GIVING.has(q.relation)) {
    const rolesOf = (g: string) => new Set(deal.parties.filter((p) => index.matcher.groupOf(p.entity) === g).map((p) => p.role));
    const [mine, theirs] = [rolesOf(actor), rolesOf(target)];
    const payers = rolesPay(q.relation);
    const sameSide = mine.size > 0 && [...mine].every((r) => theirs.has(r) && !payers.includes(r));
    if (sameSide && deal.parties.some((p) => payers.includes(p.role))) return [{ kind: "relation", relation: q.relation }];
  }
  const reversed = q.relation === "lease" && LEASE_TO.test(q.lower);
  const [giver, receiver] = reversed ? [target, actor] : [actor, target];
  const giverRole = roleOf(index, deal, giver);
  const receiverRole = roleOf(index, deal, receiver);
  const wrongWay = giverRole !== undefined && rolesReceive(q.relation).includes(giverRole) && receiverRole !== undefined && rolesPay(q.relation).includes(receiverRole);
  return wrongWay ? [{ kind: "direction", actor, target }] : [];
}

const MONEY_GIVING: ReadonlySet<string> = new Set(["pay", "invest", "lend"]);
const TWO_WAY_SUPPLY = /\b(?:deploy\w*|install\w*|put(?:ting)? in|roll\w* out|host\w*|run\w*|build\w*|get\w*|use\w*)\b/;
const ONE_WAY_SUPPLY = /\b(?:suppl\w*|sell\w*|sold|provid\w*|ship\w*|deliver\w*|furnish\w*)\b/;
const LEASE_TO = /\b(?:leas\w*|sublet\w*)\b(?: [\w.&'-]+){0,4}? to\b|\blandlord\b/;

/** Past forms that claim a purchase happened ("bought", "acquired"), not an offer. */
/** Words that say money has already moved: "already wired", "paid in full", "handed over the full $100bn". */
const PAID_CLAIM = /\b(?:already|fully|in full|the full|the whole|all of the|so far)\b.*\b(?:wired|paid|sent|transferred|handed|invested|put in|poured|funded|gave|given)\b|\b(?:wired|paid|sent|transferred|handed over|invested|put in|poured|funded|gave)\b.*\b(?:already|in full|the full|the whole|all of|so far|to date)\b/;
const DONE_CLAIM = /\b(?:bought|acquired|purchased|took over|completed|closed|finished buying)\b/;
/** Verbs of a deal being struck ("announced in 2024", "signed in 2024"). */
const STRUCK_IN_YEAR = /\b(?:announc\w*|sign\w*|unveil\w*|launch\w*|struck|inked|kicked off)\s+(?:(?:back|way|all the way)\s+)?(?:in|during)\s+(?:(?:early|mid|late|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4])\s+)?(20[1-4]\d)\b/;
const STRUCK = /\b(?:announc\w*|sign\w*|unveil\w*|launch\w*|struck|inked|agreed|made|done)\b/;

/** "Why did Nvidia give xAI $20 billion": the $20 billion is the whole round, not Nvidia's. */
export const GIVING: ReadonlySet<string> = new Set(["invest", "pay", "lend", "acquire"]);

const PER_SHARE_METRICS: ReadonlySet<string> = new Set(["share-price", "price-per-share"]);

export function attributionFailures(index: SearchIndex, q: StructuredQuery, deal: Deal): Failure[] {
  const actor = q.premise.actor;
  // Only a question about who put the money in ("why did Nvidia give xAI $20B") attributes a figure to
  // its actor; "is the AWS deal worth $38B" names Amazon as a party, not as the payer.
  const relation = q.premise.relation ?? q.relation;
  const out: Failure[] = [];
  // "meta holds 80% of hyperion, yeah?": a stated share that the deal reports as another company's.
  if (actor !== null) {
    for (const stated of q.premise.figures.filter((f) => f.unit === "percent")) {
      const shares = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.metric === "stake" && f.subject !== undefined && f.supersededBy === undefined);
      const match = shares.find((f) => figureMatches(stated.value, f));
      if (match && index.matcher.groupOf(match.subject!) !== actor && shares.some((f) => index.matcher.groupOf(f.subject!) === actor)) out.push({ kind: "entity-not-party", group: actor });
    }
  }
  if (actor === null || relation === null || !["invest", "pay", "acquire", "lend"].includes(relation)) return out;
  for (const stated of q.premise.figures) {
    if (stated.unit !== "USD") continue;
    const match = deal.factIds.map((id) => index.kb.facts.get(id)).find((f) => f !== undefined && f.unit === "USD" && figureMatches(stated.value, f));
    // A price per share is what the buyer pays for each share, never a whole someone else put in.
    if (!match || PER_SHARE_METRICS.has(match.metric)) continue;
    const owner = match.subject !== undefined ? index.matcher.groupOf(match.subject) : undefined;
    // "the $200b anthropic google cloud commitment": a noun names the money, not who gives it; the owner is named too.
    if (owner !== undefined && NOUN_ONLY.test(q.lower) && !GIVING_VERB.test(q.lower) && q.entities.some((e) => e.group === owner)) continue;
    // An investment is given by the investors, whoever else in the deal buys from whom.
    const giverRoles = INVESTED_METRICS.has(match.metric) ? ["investor", "lender", "acquirer"] : ["investor", "lender", "buyer", "acquirer", "tenant"];
    const givers = deal.parties.filter((p) => giverRoles.includes(p.role)).map((p) => index.matcher.groupOf(p.entity));
    // "openai is investing 25b of its own money in argentina": an investment figure of a deal where the actor only buys capacity.
    const investors = deal.parties.filter((p) => ["investor", "lender", "acquirer"].includes(p.role)).map((p) => index.matcher.groupOf(p.entity));
    const notInvesting = relation === "invest" && owner === undefined && !investors.includes(actor) && deal.parties.some((p) => index.matcher.groupOf(p.entity) === actor);
    if (notInvesting || (owner !== undefined ? owner !== actor : new Set(givers).size > 1 || (givers.length > 0 && !givers.includes(actor)))) out.push({ kind: "entity-not-party", group: actor });
  }
  return out;
}

/**
 * "how much is microsoft spending to restart three mile island": a sum the question has one company
 * give is never another company's own money ($1.6B is Constellation's restart cost), unless the
 * question names that company too.
 */
export function ownerFailures(index: SearchIndex, q: StructuredQuery, fact: Fact): Failure[] {
  const actor = q.premise.actor;
  const relation = q.premise.relation ?? q.relation;
  if (actor === null || relation === null || !["invest", "pay", "lend"].includes(relation) || fact.subject === undefined) return [];
  // A price per share names the company whose shares they are, not who pays.
  if (!["USD", "GBP", "EUR", "AUD"].includes(fact.unit) || PER_SHARE_METRICS.has(fact.metric)) return [];
  const owner = index.matcher.groupOf(fact.subject);
  if (owner === actor || q.entities.some((e) => e.group === owner)) return [];
  return [{ kind: "entity-not-party", group: actor }];
}

/**
 * "why did meta give amd a warrant for 160m meta shares": a count of shares whose label names the
 * issuer ("AMD shares under the warrant issued to Meta") is not a count of the company's shares the
 * question names.
 */
export function issuerFailures(index: SearchIndex, q: StructuredQuery, fact: Fact): Failure[] {
  if (fact.metric !== "share-count" || fact.label === undefined) return [];
  const labelled = /^([\p{L}\d.&' -]+?) shares\b/u.exec(fact.label)?.[1];
  const issuer = labelled !== undefined ? index.matcher.recognise(labelled)[0] : undefined;
  if (issuer === undefined) return [];
  const actual = index.matcher.groupOf(issuer.entityId);
  // Companies whose shares the question names; an exchange of one's shares for the other's names both.
  const named = q.entities.filter((e) => new RegExp(`\\b${e.text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:'s|’s)?\\s+(?:common\\s+)?(?:shares?|stock|equity)\\b`).test(q.lower)).map((e) => e.group);
  const stated = named.find((g) => g !== actual);
  return stated !== undefined && !named.includes(actual) ? [{ kind: "issuer", stated, actual }] : [];
}

const INVESTED_METRICS: ReadonlySet<string> = new Set(["investment", "funding-round", "tranche", "equity", "stake-value"]);
const NOUN_ONLY = /\b(?:commitment|investment|pledge|spend|spending|funding|loan|financing)\b/;
const GIVING_VERB = /\b(?:commit(?:s|ted|ting)?|invest(?:s|ed|ing)?|pa(?:y|ys|id|ying)|spen(?:d|ds|t|ding)|put(?:s|ting)?|gave|give[sn]?|giving|lend(?:s|ing)?|lent|fund(?:s|ed|ing)? (?:by|from)|pour(?:s|ed|ing)?|sunk|sink(?:s|ing)?)\b/;

const GIVING_ROLES = ["investor", "lender", "buyer", "acquirer", "tenant"];

/** A party's own money is asked ("how much did SoftBank put in"), and the figure is not that party's alone. */
export function shareFailures(index: SearchIndex, q: StructuredQuery, deal: Deal, fact: Fact): Failure[] {
  const actor = q.premise.actor;
  if (actor === null || q.relation === null || !["invest", "pay", "lend"].includes(q.relation)) return [];
  if (!["USD", "GBP", "EUR", "AUD"].includes(fact.unit)) return [];
  // Those who give alongside the actor, in the same role: co-investors of a round, co-lenders.
  const roles = new Set(deal.parties.filter((p) => index.matcher.groupOf(p.entity) === actor && GIVING_ROLES.includes(p.role)).map((p) => p.role));
  const givers = new Set(deal.parties.filter((p) => roles.has(p.role)).map((p) => index.matcher.groupOf(p.entity)));
  // "what did blackstone (w/ cpp) pay": every one who gave is named, so the whole is what is asked.
  if (givers.size > 1 && [...givers].every((g) => q.entities.some((e) => e.group === g))) return [];
  // "what Blackstone paid for AirTrunk": a figure whose own label names the actor is given as theirs by its page.
  const actorName = index.kb.entities.get(actor)?.name.toLowerCase();
  if (fact.subject === undefined && actorName !== undefined && fact.label !== undefined && new RegExp(`\\b${actorName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(fact.label.toLowerCase())) return [];
  if (fact.subject !== undefined) {
    const owner = index.matcher.groupOf(fact.subject);
    return owner !== actor && givers.has(owner) ? [{ kind: "share", group: actor }] : [];
  }
  return givers.size > 1 && givers.has(actor) ? [{ kind: "share", group: actor }] : [];
}

export const POWER: ReadonlySet<string> = new Set(["GW", "MW"]);
const toMw = (v: number, unit: string) => (unit === "GW" ? v * 1000 : v);

/** A stated power figure against a fact in GW or MW, compared in MW. */
export function powerMatches(value: number, unit: string, f: Fact): boolean {
  const range = f.range === undefined ? undefined : { min: toMw(f.range.min, f.unit), max: toMw(f.range.max, f.unit) };
  return figureMatches(toMw(value, unit), { ...f, value: f.value === undefined ? undefined : toMw(f.value, f.unit), range } as Fact);
}

/** Units counted as one: GPUs, TPUs, chips and accelerators are all chips to a user. */
const CHIPS: ReadonlySet<string> = new Set(["GPUs", "TPUs", "chips", "accelerators"]);
const sameUnit = (a: string, b: string): boolean => a === b || (CHIPS.has(a) && CHIPS.has(b));

/** The deal reports the stated figure in its unit (GW and MW as one scale; dollars as in dealHas). */
export function dealHolds(index: SearchIndex, deal: Deal, value: number, unit: Unit): boolean {
  if (unit === "USD") return dealHas(index, deal, value);
  const power = POWER.has(unit);
  return deal.factIds.some((id) => {
    const f = index.kb.facts.get(id);
    // A figure for something else ("IREN's whole 750 MW campus") does not name this deal.
    if (f === undefined || isOtherBasis(f)) return false;
    if (power && POWER.has(f.unit)) return powerMatches(value, unit, f);
    return sameUnit(f.unit, unit) && figureMatches(value, f);
  });
}

/** The deal reports some figure in this unit (power counts GW and MW as one, chips of any kind as one), of its own scope. */
export function reportsUnit(index: SearchIndex, deal: Deal, unit: Unit): boolean {
  return deal.factIds.some((id) => {
    const f = index.kb.facts.get(id);
    return f !== undefined && !isOtherBasis(f) && f.value !== undefined && (sameUnit(f.unit, unit) || (POWER.has(unit) && POWER.has(f.unit)));
  });
}

export function dealHas(index: SearchIndex, deal: Deal, value: number): boolean {
  return deal.factIds.some((id) => {
    const f = index.kb.facts.get(id);
    return f !== undefined && (f.unit === "USD" || f.unit === "text") && figureMatches(value, f);
  });
}


/** A figure the user stated matches a fact within rounding ("$38b" and $38 billion; "1.4t" and $1.4 trillion). */
export function figureMatches(stated: number, fact: Fact): boolean {
  const candidates = [fact.value, fact.range?.min, fact.range?.max].filter((v): v is number => v !== undefined);
  // Within rounding: 2% of the figure, and never a whole unit (2 GW is not 1.2 GW, nor 10 years 9).
  return candidates.some((v) => Math.abs(v - stated) <= Math.max(Math.abs(v) * 0.02, 0.05));
}

/** The word, or a longer word it shortens ("hydro" for "hydroelectr", "intl" aside): four letters or more. */
export function hasWordLike(words: ReadonlySet<string>, l: string): boolean {
  if (words.has(l)) return true;
  if (l.length < 4) return false;
  for (const w of words) if (w.length > l.length && w.startsWith(l)) return true;
  return false;
}
