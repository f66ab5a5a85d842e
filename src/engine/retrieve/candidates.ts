import { knownPlace } from "../compose/places.js";
import { isCommonWord } from "../../kb/common-words.js";
import type { Deal } from "../../kb/types.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { lemma } from "../read/lemmas.js";
import { dealWords } from "./deal-words.js";
import { titledDeals, titleNouns, titleWordsOf } from "./deal-titles.js";
import { hasWord, namedInTitle } from "./score-facts.js";
import { placesAsked } from "../compose/places.js";
import { dealHas } from "../verify/premise.js";

/**
 * Candidate deals for a query: the deals of the companies named (all of them together when
 * several are named), narrowed by project and place names, stated figures, deal types and years.
 */

export interface Focus {
  /** Entity groups the answer must involve. */
  readonly groups: readonly string[];
  /** Deals carried over from the conversation, most recent first. */
  readonly carried: readonly string[];
  /** Years carried over. */
  readonly years: readonly number[];
}

export interface Candidates {
  readonly deals: readonly Deal[];
  /** Why the list is what it is: the groups had no deal in common, the year matched none... */
  readonly noJointDeal: boolean;
  readonly yearMissed: boolean;
  readonly typeMissed: boolean;
  /** Deals matched by name words ("Stargate", "Abilene", "Hyperion"). */
  readonly byName: ReadonlySet<string>;
}

export function dealsWithAll(index: SearchIndex, groups: readonly string[]): string[] {
  if (groups.length === 0) return [];
  const sets = groups.map((g) => index.dealSetsByGroup.get(g) ?? new Set<string>());
  const [first, ...rest] = sets.sort((a, b) => a.size - b.size);
  return [...(first ?? [])].filter((id) => rest.every((s) => s.has(id)));
}

/** Deals named by a project, place or title word of the question. */
/** `byFigure`: also the deals a stated dollar figure names (off for a follow-up, whose figure is about the topic). */
export function dealsByName(index: SearchIndex, q: StructuredQuery, byFigure = true): Set<string> {
  const out = new Set<string>();
  for (const raw of q.lower.split(/[^\p{L}\d]+/u)) {
    // Months and everyday words ("april", "power") name no deal, even where a quote capitalises them.
    // Three letters name a deal only as a place ("uae"); "ppa", "smr" name kinds of deal.
    if (raw.length < 3 || (raw.length === 3 && !knownPlace(raw.toUpperCase())) || MONTH_WORD.test(raw) || isCommonWord(raw)) continue;
    const deals = index.properNouns.get(raw);
    if (deals && deals.size <= 4) for (const d of deals) out.add(d);
  }
  // "the $20 billion" names the deals that hold it, among the companies named when there are any.
  const groups = new Set(q.entities.map((e) => e.group));
  for (const value of byFigure ? q.premise.figures : []) {
    const all = value.unit === "USD" ? [...(index.dealsByValue.get(value.value) ?? [])] : [];
    const theirs = groups.size > 0 ? all.filter((d) => (index.dealShape.get(d)?.partyGroups ?? []).some((g) => groups.has(g))) : all;
    if (theirs.length > 0 && theirs.length <= 4) for (const d of theirs) out.add(d);
  }
  for (const d of dealsByCount(index, q.lower)) out.add(d);
  return out;
}

const COUNT = /\b(\d+(?:[.,]\d+)?)\s*(k|thousand|m|million)?\s+(?:nvidia\s+|amd\s+)?(?:gpus?|chips?|tpus?|servers?|accelerators?)\b/g;
const COUNT_SCALE: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6 };

/** "the 200k gpu deal": the few deals that report that many chips or servers. */
function dealsByCount(index: SearchIndex, lower: string): string[] {
  const wanted = [...lower.matchAll(COUNT)].map((m) => Number(m[1]!.replace(/,/g, "")) * (COUNT_SCALE[m[2] ?? ""] ?? 1)).filter((v) => v >= 100);
  if (wanted.length === 0) return [];
  const out = new Set<string>();
  for (const [count, deals] of index.dealsByCount) if (wanted.some((v) => Math.abs(count - v) <= v * 0.02)) for (const d of deals) out.add(d);
  return out.size <= 4 ? [...out] : [];
}

/** Deal types that a relation most often names: "who bought X" is about an acquisition. */
const RELATION_TYPES: Readonly<Record<string, readonly string[]>> = {
  acquire: ["acquisition"], lend: ["financing"], lease: ["lease", "data-center"], pledge: ["capex-pledge", "sovereign-programme", "plan"],
  invest: ["equity", "sovereign-programme", "capex-pledge"], supply: ["chips", "cloud-capacity", "power"],
};

export const RESTATED_TYPES: Readonly<Record<string, readonly string[]>> = { invest: ["equity"], lend: ["financing"], lease: ["lease"], acquire: ["acquisition"] };

/** A month's name or short form, and only that: "mariner" and "decade" are no months. */
const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/** Words for being in something together rather than across a table: a fund, a venture, a round. */
const TOGETHER = /\b(?:funds?|ventures?|jvs?|partnerships?|consortium|group|together|co-?invest\w*|coalition|alliance|syndicate|round|partners|both)\b/;

export function findCandidates(index: SearchIndex, q: StructuredQuery, focus: Focus): Candidates {
  // A follow-up on a carried topic states figures about it: they name no other deal.
  const byName = dealsByName(index, q, !(focus.carried.length > 0 && (q.followUp || q.pointsBack) && q.entities.length === 0));
  let ids: string[];
  let noJointDeal = false;
  if (focus.groups.length >= 2) {
    const joint = dealsWithAll(index, focus.groups);
    ids = joint.filter((id) => !sameSide(index, id, focus.groups));
    // "the blackrock microsoft ai fund": partners on one side of a deal are still in it together,
    // unless the question has one paying or acting on the other.
    if (ids.length === 0 && !(q.premise.actor !== null && q.premise.target !== null) && TOGETHER.test(q.lower)) ids = joint;
    // "How much has Nvidia put into Nokia and Intel", "who pays SpaceX more, Google or Anthropic":
    // one company (the hub) with a deal with each of the others.
    if (ids.length === 0 && ["total", "compare", "list", "rank"].includes(q.kind)) ids = hubDeals(index, focus.groups, q.premise.actor);
    if (ids.length === 0) noJointDeal = true;
  } else if (focus.groups.length === 1) {
    const g = focus.groups[0]!;
    ids = [...(index.dealsByGroup.get(g) ?? []), ...subjectDeals(index, g), ...titledDeals(index, g)];
  } else if (byName.size > 0) {
    ids = [...byName];
  } else {
    ids = [...focus.carried];
  }
  ids = [...new Set(ids)];
  // A name word narrows the companies' deals to the one it names ("microsoft nscale norway").
  if (byName.size > 0 && focus.groups.length > 0) {
    const named = ids.filter((id) => byName.has(id));
    if (named.length > 0) ids = [...named, ...ids.filter((id) => !byName.has(id))];
  }
  let typeMissed = false;
  // A type that only restates the relation ("invest equity in") narrows by role later, not by type.
  const restated = (q.kind === "list" || q.kind === "rank") && q.relation !== null && q.dealTypes.every((t) => (RESTATED_TYPES[q.relation!] ?? []).includes(t));
  if (q.dealTypes.length > 0 && q.kind !== "figure" && !restated) {
    // ... but a deal the question names by its own words ("msft uae investment") stays whatever its type.
    const typed = ids.filter((id) => q.dealTypes.includes(index.kb.deals.get(id)?.type ?? "") || byName.has(id));
    if (typed.length > 0) ids = typed;
    else typeMissed = ids.length > 0;
  }
  let yearMissed = false;
  const years = q.years.length > 0 ? q.years : focus.years;
  if (years.length > 0 && ids.length > 0) {
    const inYear = ids.filter((id) => years.includes(yearOf(index.kb.deals.get(id))));
    const inYearSet = new Set(inYear);
    if (inYear.length > 0) ids = [...inYear, ...ids.filter((id) => !inYearSet.has(id))];
    else yearMissed = q.years.length > 0;
  }
  const carried = new Set(focus.carried);
  const idSet = new Set(ids);
  const stated = q.premise.figures.filter((f) => f.unit === "USD").map((f) => f.value);
  const places = [...placeNames(index, q), ...placesAsked(q.lower).map((p) => p.toLowerCase())];
  // Each deal's priority is computed once: a company with thousands of deals must not pay for it per comparison.
  const deals = ids
    .map((id, i) => ({ deal: index.kb.deals.get(id), i }))
    .filter((x): x is { deal: Deal; i: number } => x.deal !== undefined)
    .map((x) => ({ ...x, p: priority(x.deal) }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.deal);
  return { deals, noJointDeal, yearMissed, typeMissed, byName };

  function priority(d: Deal): number {
    let p = 0;
    if (byName.has(d.id)) p += 4;
    if (q.relation !== null && (RELATION_TYPES[q.relation] ?? []).includes(d.type)) p += 2;
    if (q.dealTypes.includes(d.type)) p += 1.5;
    if (carried.has(d.id)) p += 3;
    if (years.length > 0 && years.includes(yearOf(d))) p += 2;
    const titled = index.titleGroups.get(d.id);
    if (titled && focus.groups.every((g) => titled.has(g))) p += 1;
    // The name as the user wrote it is in the title: "the AWS deal" is the one titled AWS, not any Amazon deal.
    if (namedInTitle(q, d)) p += 0.8;
    // "when was stargate unveiled": one company named, the deal whose title opens with it is about it (the Stargate Project), not a deal it is a partner in.
    if (focus.groups.length === 1 && q.entities.some((e) => e.text.length >= 3 && d.title.toLowerCase().replace(/^the /, "").startsWith(e.text.toLowerCase()))) p += 0.6;
    // "The Nvidia–OpenAI deal" is the one between them, not a consortium they both joined.
    const partyGroups = index.dealShape.get(d.id)?.partyGroups ?? [];
    if (focus.groups.length >= 2) p -= 0.3 * partyGroups.filter((g) => !focus.groups.includes(g)).length;
    // The question's specific words ("UAE", "Norway", "hydro") in the deal's title or summary.
    if (q.specifics.length > 0) {
      const header = dealWords(index, d).header;
      p += 1.5 * q.specifics.filter((w) => header.has(lemma(w))).length;
    }
    // "openai's 100b nvidia deal": the deal that holds a dollar figure the question states is the one meant.
    // Asked to confirm, the figure may be the very thing that is wrong: a place or name outweighs it.
    if (stated.length > 0 && stated.some((v) => dealHas(index, d, v))) p += q.yesNo ? 1 : 2.5;
    if (places.length > 0) {
      const text = `${d.title} ${d.summary}`.toLowerCase();
      if (places.some((n) => hasWord(text, n))) p += 2;
    }
    if (d.status === "scrapped" || d.status === "superseded" || d.status === "rejected") p -= 1;
    // The question's own words in the deal's title ("the google TPU deal"): a little each.
    p += 0.4 * Math.min(3, titleOverlap(index, d, q));
    // An unconfirmed report yields to a deal the parties announced, when nothing else tells them apart.
    if (d.status === "reported" || d.status === "in-talks") p -= 0.5;
    if (d.type === "market-event") p -= 1;
    // A variant ("Stargate Michigan", "Stargate Norway") needs its distinguishing word in the question.
    p -= 0.6 * unmatchedTitleWords(index, d, q.lower);
    // A revision ("expanded AWS agreement") stands in for the original only when the question points at it.
    if (d.revises.some((r) => idSet.has(r)) && !REVISION_CUE.test(q.lower) && !years.includes(yearOf(d))) p -= 1;
    return p;
  }
}

/** A country named as a place ("installing in britain"): all its names, to find in a deal's or figure's wording. */
export function placeNames(index: SearchIndex, q: StructuredQuery): string[] {
  return q.entities.filter((e) => e.incidental === true && e.kind === "government").flatMap((e) => {
    const entity = index.kb.entities.get(e.id);
    return entity ? [entity.name, ...entity.aliases].map((n) => n.toLowerCase().replace(/^the /, "")) : [];
  });
}

/** How many of the question's content words (not names) the deal's title has. */
function titleOverlap(index: SearchIndex, deal: Deal, q: StructuredQuery): number {
  const words = titleWordsOf(index, deal);
  return questionWords(q).filter((w) => words.has(w)).length;
}

const questionWordCache = new WeakMap<StructuredQuery, readonly string[]>();

/** The question's content lemmas that are not part of a name, computed once per question. */
function questionWords(q: StructuredQuery): readonly string[] {
  let out = questionWordCache.get(q);
  if (!out) {
    const names = new Set(q.entities.flatMap((e) => e.text.split(" ").map((w) => lemma(w))));
    out = [...new Set(q.lemmas)].filter((w) => w.length > 2 && !names.has(w));
    questionWordCache.set(q, out);
  }
  return out;
}

const REVISION_CUE = /\b(?:new|newer|newest|latest|expan\w*|extend\w*|revis\w*|updated|second|bigger|larger|additional|follow-on|top-up|more)\b/;

/** Capitalised words of a deal's title that name neither a party nor anything in the question. */
function unmatchedTitleWords(index: SearchIndex, deal: Deal, lower: string): number {
  return titleNouns(index, deal).filter((w) => !lower.includes(w)).length;
}

function hubDeals(index: SearchIndex, groups: readonly string[], actor: string | null): string[] {
  const order = actor !== null && groups.includes(actor) ? [actor, ...groups.filter((g) => g !== actor)] : [...groups];
  for (const hub of order) {
    const pairs = groups.filter((g) => g !== hub).map((g) => dealsWithAll(index, [hub, g]));
    if (pairs.every((p) => p.length > 0)) return [...new Set(pairs.flat())];
  }
  return [];
}

const GIVING = new Set(["investor", "lender", "acquirer"]);

/** Two companies that only sit on the same side of someone else's deal (co-investors) have no deal together. */
function sameSide(index: SearchIndex, dealId: string, groups: readonly string[]): boolean {
  const deal = index.kb.deals.get(dealId);
  if (!deal) return false;
  const roles = groups.map((g) => deal.parties.filter((p) => index.matcher.groupOf(p.entity) === g).map((p) => p.role));
  const allGiving = roles.every((rs) => rs.length > 0 && rs.every((r) => GIVING.has(r)));
  const others = (index.dealShape.get(dealId)?.partyGroups ?? []).filter((g) => !groups.includes(g));
  return allGiving && others.length > 0;
}

/** Deals holding a figure about the group (a valuation, a market value) without it being a party. */
function subjectDeals(index: SearchIndex, group: string): string[] {
  const facts = index.factsBySubject.get(group) ?? [];
  return [...new Set(facts.map((id) => index.kb.facts.get(id)?.dealId).filter((d): d is string => d !== undefined))];
}

export function yearOf(deal: Deal | undefined): number {
  if (!deal) return 0;
  return deal.announced.year;
}
