import type { Deal, Entity, Fact } from "../kb/types.js";
import { type Answer, ReplyBuilder } from "./answer-model.js";
import { composeCompare, composeList, headlineFact, principalDeals } from "./compose/collections.js";
import { composeTotal } from "./compose/totals.js";
import { composeAnnounced, composeStanding } from "./compose/figure.js";
import { composeSources } from "./compose/misc.js";
import { capitalize, factSentence, partiesText, theDeal } from "./compose/sentences.js";
import { HEADLINE_METRICS } from "./retrieve/score-facts.js";
import type { SearchIndex } from "./search-index.js";
import { formatFact } from "./format.js";

/** Answers for the slash commands that name a deal or a company outright. */

const factsOf = (index: SearchIndex, deal: Deal): Fact[] => deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined);

/** `/deal`: summary, parties, type, status, date and every current figure, each cited. */
export function dealCard(index: SearchIndex, deal: Deal): Answer {
  const b = new ReplyBuilder(index.kb);
  b.line(`${capitalize(theDeal(deal))}: ${deal.summary}`);
  b.line(`Parties: ${partiesText(index.kb, deal)}.`);
  b.line(`Type: ${deal.type.replace(/-/g, " ")}. Status: ${String(deal.status).replace(/-/g, " ")}.`);
  composeAnnounced(b, index, deal);
  // Sources that report the same figure share one line, with all their citations.
  const same = new Map<string, Fact[]>();
  for (const fact of factsOf(index, deal)) {
    if (fact.supersededBy !== undefined || fact.metric === "statement") continue;
    const key = [fact.metric, formatFact(fact), fact.subject ?? "", fact.label ?? ""].join("\0");
    same.set(key, [...(same.get(key) ?? []), fact]);
  }
  for (const [first, ...others] of same.values()) {
    const parts = factSentence(b, index.kb, first!, deal, true);
    const extra = others.map((f) => b.cite(f));
    b.line("• ", ...parts.map((p) => (typeof p === "object" && "cite" in p ? { cite: [...new Set([...p.cite, ...extra])] } : p)));
  }
  composeStanding(b, index, deal, undefined);
  return b.build(deal.title, "answered", "overview");
}

/** `/company`: every deal of a company, newest first, with a computed total of their headline values. */
export function companyCard(index: SearchIndex, entity: Entity): Answer {
  const b = new ReplyBuilder(index.kb);
  const group = index.matcher.groupOf(entity.id);
  const ids = index.dealsByGroup.get(group) ?? [];
  const deals = principalDeals(index, ids.map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined && d.type !== "market-event"), [group]);
  if (deals.length === 0) {
    b.line(`I have no deals for ${entity.name} in my sources.`);
    return b.build(entity.name, "declined", "list");
  }
  composeList(b, index, deals, [group]);
  composeTotal(b, index, deals, HEADLINE_METRICS.slice(0, 7), entity.name);
  return b.build(entity.name, "answered", "list");
}

/** `/sources`: the sources behind a deal, with tier, date, link and quote. */
export function sourcesCard(index: SearchIndex, deal: Deal): Answer {
  const b = new ReplyBuilder(index.kb);
  composeSources(b, index, [], [deal]);
  for (const f of factsOf(index, deal)) b.cite(f);
  return b.build(deal.title, "answered", "sources");
}

/** `/compare`: two deals side by side. */
export function compareCard(index: SearchIndex, first: Deal, second: Deal): Answer {
  const b = new ReplyBuilder(index.kb);
  const ok = composeCompare(b, index, [first, second], HEADLINE_METRICS);
  if (!ok) b.line(`I have no comparable figures for ${theDeal(first)} and ${theDeal(second)}.`);
  return b.build(`${first.title} vs ${second.title}`, ok ? "answered" : "declined", "compare");
}

export { headlineFact };
