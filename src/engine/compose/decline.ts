import type { Deal, Fact } from "../../kb/types.js";
import type { ReplyBuilder } from "../answer-model.js";
import { formatFact } from "../format.js";
import { isCancelled } from "../verify/relations.js";
import type { Quantity, Relation } from "../read/lexicon.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import type { Verdict } from "../verify/verify.js";
import { dealHolds } from "../verify/premise.js";
import { HEADLINE_METRICS, isPossible } from "../retrieve/score-facts.js";
import { mentionsMonth, phaseFits } from "../retrieve/fact-parts.js";
import { isOtherBasis, magnitude, STATUS_PHRASES, supersededByDeal } from "../kb-view.js";
import { be, capitalize, entityName, factSentence, joinAnd, partiesText, theDeal } from "./sentences.js";
import { composeAnnounced } from "./figure.js";
import { describedElsewhere, holderOf, nearestHolder, unitHolder } from "./attribution.js";

/**
 * Replies for questions the data does not answer as asked: say what is missing or what the
 * premise gets wrong, then offer the nearest cited figures, labelled as what they are.
 */

const QUANTITY_WORDS: Readonly<Partial<Record<Quantity, string>>> = {
  money: "a dollar figure", value: "a value", monthly: "a monthly value", annual: "a yearly value", investment: "an investment figure",
  valuation: "a valuation", "market-value": "a market value", stake: "a stake", shares: "a share count", "share-price": "a share price",
  "share-move": "a share-price move", capacity: "a capacity figure", chips: "a chip count", servers: "a server count", duration: "a duration",
  start: "a start date", completion: "a completion date", announced: "an announcement date", revenue: "a revenue figure", backlog: "a backlog figure",
  debt: "a debt figure", "bond-orders": "an order-book figure", interest: "an interest rate", spending: "a spending figure", pledge: "a pledge",
  jobs: "a jobs figure", land: "a land area", "floor-area": "a floor area", aum: "an assets-under-management figure", homes: "a homes figure", sites: "a site count", buildings: "a building count",
  "cost-per-unit": "a cost per unit", backstop: "a backstop figure", prepayment: "a prepayment figure", statement: "a quoted statement",
  expansion: "an expansion term", "build-rate": "a build rate", growth: "a growth figure",
};

const RELATION_WORDS: Readonly<Record<Relation, string>> = {
  acquire: "acquiring", invest: "investing in", pay: "paying", supply: "supplying", lease: "leasing from", lend: "lending to",
  cancel: "cancelling", pledge: "pledging", partner: "partnering with", value: "valuing",
};

export function quantityWords(q: StructuredQuery): string {
  return (q.quantity !== null ? QUANTITY_WORDS[q.quantity] : undefined) ?? "that figure";
}

/** The best figures a deal holds, for an offer: reported, current, headline metrics first. */
export function offerFacts(index: SearchIndex, deal: Deal, max = 2, exclude: ReadonlySet<string> = new Set()): Fact[] {
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && !exclude.has(f.id) && f.supersededBy === undefined && f.metric !== "statement");
  const rank = (f: Fact) => {
    const at = HEADLINE_METRICS.indexOf(f.metric);
    return (at < 0 ? 50 : at) + (isOtherBasis(f) ? 30 : 0) + (f.subject !== undefined ? 5 : 0) + (f.unit === "text" ? 10 : 0);
  };
  const seen = new Set<string>();
  return facts.sort((a, b) => rank(a) - rank(b)).filter((f) => (seen.has(f.metric) ? false : (seen.add(f.metric), true))).slice(0, max);
}

export function offer(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], lead = "What my sources do report:"): void {
  const facts = deals.slice(0, 2).flatMap((d) => offerFacts(index, d, deals.length > 1 ? 1 : 2).map((f) => ({ f, d })));
  if (facts.length === 0) return;
  b.line(lead);
  for (const { f, d } of facts) b.line("• ", ...factSentence(b, index.kb, f, d, false));
}

/** Why the best candidates failed, in words, followed by what the data does hold. */
export function composeFailed(b: ReplyBuilder, index: SearchIndex, q: StructuredQuery, tried: readonly Verdict[], groups: readonly string[]): "declined" | "corrected" {
  const kb = index.kb;
  const best = tried[0];
  const names = (gs: readonly string[]) => joinAnd(gs.map((g) => entityName(kb, g)));
  if (!best) {
    b.line(`I don't have ${quantityWords(q)} for that in my sources.`);
    return "declined";
  }
  const { deal, fact } = best.candidate;
  // What went wrong is read from the best deal's own figures: another deal's mismatch says nothing of it.
  const ofBest = tried.filter((v) => v.candidate.deal.id === deal.id);
  const failure = (kind: string) => ofBest.map((v) => v.failures.find((f) => f.kind === kind)).find((f) => f !== undefined);
  // "microsoft's 15 billion ai hub in visakhapatnam": a name of the question belongs to one deal of other companies.
  const other = tried.every((v) => v.failures.some((f) => f.kind === "specific" || f.kind === "figure")) ? describedElsewhere(index, q, groups) : undefined;
  if (other) {
    b.line(`My sources have no such deal for ${names(groups)}. The deal you describe is ${theDeal(other)}: ${partiesText(kb, other)}.`);
    offer(b, index, [other], "What my sources report:");
    return "corrected";
  }
  const direction = failure("direction");
  if (direction && direction.kind === "direction") {
    b.line(`My sources report it the other way round: in ${theDeal(deal)}, ${entityName(kb, direction.target)} is the ${roleName(index, deal, direction.target)} and ${entityName(kb, direction.actor)} the ${roleName(index, deal, direction.actor)}.`);
    offer(b, index, [deal], "What they report:");
    return "corrected";
  }
  // "the signed meta x oracle contract": talks, a letter of intent or a press report are no signed agreement.
  if (failure("standing")) {
    b.line(`My sources report no signed agreement: ${theDeal(deal)} ${be(deal)} ${STATUS_PHRASES[deal.status as string] ?? deal.status}.`);
    offer(b, index, [deal], "What they report:");
    return "corrected";
  }
  // "a firm 27b": the figure is the deal's ceiling; the firm figure corrects it.
  const ceiling = failure("ceiling");
  const top = ceiling && ceiling.kind === "ceiling" ? kb.facts.get(ceiling.fact) : undefined;
  if (top) {
    b.line("That figure is a ceiling, not a firm amount: ", ...factSentence(b, kb, top, deal, false));
    const firm = deal.factIds.map((id) => kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.unit === top.unit && f.metric === top.metric && f.supersededBy === undefined && !isPossible(f) && f.qualifier !== "up to" && f.qualifier !== "as much as" && !isOtherBasis(f));
    if (firm) b.line("The firm figure: ", ...factSentence(b, kb, firm, deal, false));
    return "corrected";
  }
  // "a warrant for 160m meta shares": the shares are the other company's.
  const issued = ofBest.find((v) => v.failures.some((f) => f.kind === "issuer"));
  const issuer = issued?.failures.find((f) => f.kind === "issuer");
  if (issued && issuer && issuer.kind === "issuer") {
    b.line(`My sources report it the other way round: the shares are ${possessiveName(kb, issuer.actual)}, not ${possessiveName(kb, issuer.stated)}. They report: `, ...factSentence(b, kb, issued.candidate.fact, issued.candidate.deal, false));
    return "corrected";
  }
  const place = failure("place");
  if (place && place.kind === "place" && tried.every((v) => v.failures.some((f) => f.kind === "place"))) {
    b.line(`My sources place ${theDeal(deal)} in ${joinAnd([...place.actual])}, not ${place.stated}.`);
    offer(b, index, [deal], "What they report:");
    return "corrected";
  }
  const relation = failure("relation");
  // Only when no candidate does what was asked: a lower one's mismatch says nothing of the deal that fits but for the year.
  if (relation && relation.kind === "relation" && tried.every((v) => v.failures.some((f) => f.kind === "relation")) && (relation.relation === "acquire" || relation.relation === "cancel" || q.yesNo || q.premise.actor !== null)) {
    if (relation.relation === "cancel") {
      b.line(`My sources don't report ${theDeal(deal)} being cancelled: it ${be(deal)} ${STATUS_PHRASES[deal.status as string] ?? deal.status}.`);
    } else {
      const actor = q.premise.actor ?? groups[0];
      const target = q.premise.target ?? groups.find((g) => g !== actor);
      // With no one acted on, the verb stands alone: "Stargate investing", not "Stargate investing in".
      const other = target !== undefined && target !== actor ? ` ${entityName(kb, target)}` : "";
      const verb = other ? RELATION_WORDS[relation.relation] : RELATION_WORDS[relation.relation].replace(/ (?:in|to|with)$/, "");
      b.line(`My sources don't report ${actor ? entityName(kb, actor) : "that"} ${verb}${other}.`);
      // The deal the money was said to move under fell through: say so, with what became of it.
      if (isCancelled(deal)) {
        b.line(`${capitalize(theDeal(deal))} ${be(deal)} ${STATUS_PHRASES[deal.status as string] ?? deal.status}.`);
        const replaced = supersededByDeal(kb, deal);
        if (replaced) b.line(`It was replaced by ${theDeal(replaced)}.`);
      }
    }
    const stake = tried.map((v) => v.candidate).find((c) => c.fact.metric === "stake" && c.fact.supersededBy === undefined);
    if (stake) b.line("They report: ", ...factSentence(b, kb, stake.fact, stake.deal, false));
    else offer(b, index, [deal], "They report:");
    return "corrected";
  }
  const share = tried.find((v) => v.failures.length === 1 && v.failures[0]!.kind === "share");
  if (share && share.failures[0]!.kind === "share") {
    const { fact: whole, deal: of } = share.candidate;
    b.line(`My sources don't give ${possessiveName(kb, share.failures[0]!.group)} own part of ${theDeal(of)}.`);
    b.line("What they report is not that part alone: ", ...factSentence(b, kb, whole, of, false));
    return "declined";
  }
  const figure = failure("figure");
  // A figure the deal does report ("5 GW") is no false premise, though one of its other figures failed against it.
  if (figure && figure.kind === "figure" && !(figure.unit !== "USD" && dealHolds(index, deal, figure.stated, figure.unit) && tried.some((v) => v.failures.every((f) => f.kind !== "figure")))) {
    const stated = formatFact({ value: figure.stated, unit: figure.unit, qualifier: "none" });
    // The deal does hold the figure, but as an estimate or for another scope: say what it is.
    const asOther = deal.factIds.map((id) => kb.facts.get(id)).find((f): f is Fact => f !== undefined && isOtherBasis(f) && f.unit === figure.unit && f.value !== undefined && Math.abs(f.value - figure.stated) <= Math.abs(figure.stated) * 0.02);
    if (asOther) {
      b.line(asOther.basis === "estimate" ? `That figure is an estimate, not a value the parties disclosed for ${theDeal(deal)}: ` : `That figure is not for ${theDeal(deal)} as a whole: `, ...factSentence(b, kb, asOther, deal, false));
      const disclosed = comparableFact(index, deal, figure.unit, q);
      if (disclosed && disclosed !== asOther) b.line("What my sources report for the deal itself: ", ...factSentence(b, kb, disclosed, deal, false));
      return "corrected";
    }
    // The user's figure is not repeated: a correction never restates a number it cannot cite.
    b.line(`My sources don't report the figure you give for ${theDeal(deal)}.`);
    // What the deal does report for the same kind of figure, then who the stated figure belongs to, if anyone named.
    // The deal's own figure of that kind corrects the premise; the figure asked, if another, follows.
    const headline = comparableFact(index, deal, figure.unit, { ...q, metrics: [] });
    const same = comparableFact(index, deal, figure.unit, q) ?? fact;
    if (headline !== undefined && headline !== same && q.metrics.length > 0 && !q.metrics.includes(headline.metric)) b.line("They report: ", ...factSentence(b, kb, headline, deal, false));
    b.line(headline !== undefined && headline !== same && q.metrics.length > 0 && !q.metrics.includes(headline.metric) ? "And: " : "They report: ", ...factSentence(b, kb, same, deal, false));
    // "a 10 year $18b deal, right?": every stated figure the deal does not hold is corrected, one per unit.
    const corrected = new Set<Fact>([same, ...(headline ? [headline] : [])]);
    for (const f of new Map(best.failures.filter((x) => x.kind === "figure" && x.unit !== figure.unit).map((x) => [x.kind === "figure" ? x.unit : "", x])).values()) {
      if (f.kind !== "figure") continue;
      const own = comparableFact(index, deal, f.unit, { ...q, metrics: [] });
      if (own !== undefined && !corrected.has(own) && own.unit === f.unit) {
        corrected.add(own);
        b.line("And: ", ...factSentence(b, kb, own, deal, false));
      }
    }
    // ... of the companies named, else the deal the question's own words name ("msft's $15b vizag hub" is Google's).
    const elsewhere = figure.unit === "USD" ? holderOf(index, figure.stated, deal.id, groups) ?? holderOf(index, figure.stated, deal.id, [], q.specifics, 1) ?? nearestHolder(index, figure.stated, deal.id) : unitHolder(index, q, deal, figure.stated, figure.unit);
    if (elsewhere) b.line("A figure of that size in my sources is this one: ", ...factSentence(b, kb, elsewhere, kb.deals.get(elsewhere.dealId)!, false));
    void stated;
    return "corrected";
  }
  // A wrong figure is corrected before a missing word is pointed out.
  const specific = tried.map((v) => v.failures.find((f) => f.kind === "specific")).find((f) => f !== undefined);
  if (specific && specific.kind === "specific" && tried.every((v) => v.failures.some((f) => f.kind === "specific"))) {
    const about = groups.length > 0 ? ` for ${names(groups)}` : "";
    b.line(specific.level === "deal"
      ? `My sources don't mention “${specific.word}”${about}, so I can't answer that.`
      : `I don't have a figure for “${specific.word}” in ${theDeal(deal)}.`);
    offer(b, index, uniqueDeals(tried), "What my sources do report:");
    return "declined";
  }
  const party = failure("entity-not-party");
  if (party && party.kind === "entity-not-party" && q.premise.figures.length > 0) {
    const stated = q.premise.figures[0]!;
    const holder = deal.factIds.map((id) => kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.unit === stated.unit && Math.abs((f.value ?? -1) - stated.value) <= Math.abs(stated.value) * 0.02) ?? holderOf(index, stated.value, "");
    const d = holder ? kb.deals.get(holder.dealId) : undefined;
    if (holder && d) {
      b.line(`That figure is not ${possessiveName(kb, party.group)}. `, ...factSentence(b, kb, holder, d, false));
      // What the party itself put in, when the same deal reports it.
      const own = d.factIds.map((id) => kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.subject !== undefined && index.matcher.groupOf(f.subject) === party.group && f.supersededBy === undefined && (stated.unit === "percent" ? f.metric === "stake" : ["USD", "GBP", "EUR", "AUD"].includes(f.unit)));
      if (own) b.line(`${capitalize(possessiveName(kb, party.group))} own part: `, ...factSentence(b, kb, own, d, false));
      // ... or else what the deal itself is reported at ("why'd amd pay 10 billion for zt": $10B is ZT's revenue; the price was $4.9B).
      const itself = own ? undefined : comparableFact(index, d, stated.unit, { ...q, metrics: [] });
      if (itself && itself !== holder && involvesGroup(index, d, party.group)) b.line("What my sources report for the deal itself: ", ...factSentence(b, kb, itself, d, false));
      return "corrected";
    }
  }
  // "brings 5 GW online by 2030, yeah?": the time the deal's own dated figure gives is the correction.
  if (failure("year") && q.yesNo && best.failures.every((f) => f.kind === "year") && (fact.unit === "date" || fact.date !== undefined)) {
    b.line("My sources don't date that to the time you give. They report: ", ...factSentence(b, kb, fact, deal, false));
    return "corrected";
  }
  if (failure("year")) {
    // The deal is of that year but the figure is not ("deployed in early 2025?" for GPUs due in 2026).
    b.line(q.years.includes(deal.announced.year) || q.years.length === 0
      ? `My sources don't date that to the time you give.`
      : `I have no ${names(groups) || "matching"} deal from that year in my sources.`);
    // When the deal is from another year, say when it was: that is the correction.
    if (!q.years.includes(deal.announced.year) && q.years.length > 0) composeAnnounced(b, index, deal);
    // The figure asked, from the deal that fits in all but the year, comes first.
    const butYear = q.yesNo ? undefined : ofBest.find((v) => v.failures.every((f) => f.kind === "year"));
    if (butYear) b.line("For that deal, my sources report: ", ...factSentence(b, kb, butYear.candidate.fact, deal, false));
    else offer(b, index, uniqueDeals(tried), "The nearest I have:");
    return q.yesNo || q.years.length > 0 ? "corrected" : "declined";
  }
  const onlyBasis = tried.find((v) => v.failures.length > 0 && v.failures.every((f) => f.kind === "basis"));
  if (onlyBasis) {
    const { fact: est, deal: estDeal } = onlyBasis.candidate;
    b.line(`My sources give no disclosed value for ${theDeal(estDeal)}.`);
    b.line("The nearest figure is ", ...factSentence(b, kb, est, estDeal, false));
    return "declined";
  }
  // "all 31k gpus from day one, right?": a figure claimed of a part it is not; the part's own figure corrects it.
  const phased = q.yesNo && q.phase !== null && q.premise.figures.length > 0 ? phaseCorrection(index, q, deal) : undefined;
  if (phased) {
    b.line(`My sources don't report that for ${PHASE_WORDS[q.phase!]}. They report: `, ...factSentence(b, kb, phased, deal, false));
    return "corrected";
  }
  const subject = groups.length > 0 ? `${names(groups)}` : theDeal(deal);
  b.line(`I don't have ${quantityWords(q)} for ${groups.length > 0 && uniqueDeals(tried).length > 1 ? subject : theDeal(deal)} in my sources.`);
  // "what's the google kairos deal worth": the deal record says the value was never disclosed.
  if (MONEY_ASKED.has(q.quantity ?? "") && uniqueDeals(tried).length === 1 && UNDISCLOSED.test(`${deal.statusNote ?? ""} ${deal.summary}`)) b.line("The deal record notes that its value was not disclosed.");
  offer(b, index, uniqueDeals(tried));
  return "declined";
}

const PHASE_WORDS: Readonly<Record<string, string>> = { first: "the start", second: "the second phase", added: "an addition", eventual: "the eventual whole" };

/** The deal's figure of the part asked, in the unit of the figure the question claims for it. */
function phaseCorrection(index: SearchIndex, q: StructuredQuery, deal: Deal): Fact | undefined {
  const units = new Set(q.premise.figures.map((f) => f.unit));
  return deal.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.supersededBy === undefined && units.has(f.unit) && phaseFits(q.phase!, f, deal, q.lower) && !q.premise.figures.some((s) => s.value === f.value));
}

const MONEY_ASKED: ReadonlySet<string> = new Set(["value", "money", "size", "annual", "monthly", "investment", "spending"]);
const UNDISCLOSED = /\b(?:not (?:been )?disclosed|undisclosed|no (?:value|price|terms) (?:was |were )?(?:disclosed|given|reported))\b/i;

function uniqueDeals(tried: readonly Verdict[]): Deal[] {
  const seen = new Map<string, Deal>();
  for (const v of tried) if (!seen.has(v.candidate.deal.id)) seen.set(v.candidate.deal.id, v.candidate.deal);
  return [...seen.values()];
}

function roleName(index: SearchIndex, deal: Deal, group: string): string {
  return deal.parties.find((p) => index.matcher.groupOf(p.entity) === group)?.role ?? "party";
}




function possessiveName(kb: SearchIndex["kb"], group: string): string {
  const n = entityName(kb, group);
  return /s$/.test(n) ? `${n}’` : `${n}’s`;
}

/** The deal's own figure of the same kind as a stated one: its value for dollars, its stake for a percentage. */
function involvesGroup(index: SearchIndex, deal: Deal, group: string): boolean {
  return deal.parties.some((p) => index.matcher.groupOf(p.entity) === group);
}

const POWER_UNITS: ReadonlySet<string> = new Set(["GW", "MW"]);

export function comparableFact(index: SearchIndex, deal: Deal, unit: string, q: StructuredQuery): Fact | undefined {
  // A combined figure (another scope: several deals together) corrects a total asked, and nothing else.
  const totalLabel = (f: Fact) => /\b(?:total|combined|together|in all|overall)\b/i.test(f.label ?? "");
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && (!isOtherBasis(f) || (q.kind === "total" && f.basis === "other-scope" && totalLabel(f))));
  const sameUnit = facts.filter((f) => f.unit === unit || (unit === "USD" && ["GBP", "AUD", "EUR"].includes(f.unit)) || (unit === "GW" && f.unit === "MW") || (unit === "MW" && f.unit === "GW"));
  const wanted = q.metrics.length > 0 ? sameUnit.filter((f) => q.metrics.includes(f.metric)) : [];
  const pool = wanted.length > 0 ? wanted : sameUnit;
  // The figure of the time the question names first ("oracle's feb 2026 bond"), then the headline metrics.
  const timed = (f: Fact) => (q.years.length > 0 && q.years.includes(f.asOf.year) ? 1 : 0) + (q.months.length > 0 && (q.months.includes(f.asOf.month ?? 0) || mentionsMonth(f, q.months)) ? 1 : 0);
  const rank = (f: Fact) => (HEADLINE_METRICS.indexOf(f.metric) + 100) % 100;
  // Not the part of a party the question does not name ("Nvidia's contribution" to "xai's series e").
  const named = new Set(q.entities.map((e) => e.group));
  const others = (f: Fact) => (f.subject !== undefined && !named.has(index.matcher.groupOf(f.subject)) ? 1 : 0);
  // Among the figures of the kind asked, the one the question's quantity names first ("invested": the investment, not the deal's value).
  const asked = (f: Fact) => (wanted.length > 0 ? q.metrics.indexOf(f.metric) : 0);
  // ... and of a deal's power figures, its whole (the largest) before a phase of it.
  const whole = (a: Fact, b: Fact) => (POWER_UNITS.has(a.unit) && POWER_UNITS.has(b.unit) ? Number(isPossible(a)) - Number(isPossible(b)) || magnitude(b) - magnitude(a) : 0);
  // "so that's like 50 bil combined": a total asked is corrected by the figure the deal labels as its total.
  const total = (f: Fact) => (q.kind === "total" && totalLabel(f) ? 1 : 0);
  return pool.sort((a, b) => timed(b) - timed(a) || total(b) - total(a) || others(a) - others(b) || asked(a) - asked(b) || rank(a) - rank(b) || whole(a, b))[0];
}
