import type { Deal, Entity } from "../kb/types.js";
import { METRICS, type Metric } from "../kb/vocabulary.js";
import { type Answer, ReplyBuilder } from "./answer-model.js";
import { composeCompare, composeList, composeTotal } from "./compose-lists.js";
import { composeSources } from "./compose-misc.js";
import { composeStanding } from "./compose-figure.js";
import { formatDate } from "./format.js";
import { capitalize, partiesLine, theDeal } from "./phrases.js";
import { factsOf, rankDeals, readFacts } from "./retrieve.js";
import type { SearchIndex } from "./search-index.js";

/** `/deal`: parties, type, status, date and every figure, each cited. */
export function dealCard(index: SearchIndex, deal: Deal): Answer {
  const b = new ReplyBuilder(index.kb);
  b.line(`${capitalize(theDeal(deal))}: ${deal.summary}`);
  b.line(`Parties: ${partiesLine(deal, index.kb)}.`);
  const evidence = factsOf(index, deal.id)[0];
  const type = `Type: ${deal.type.replace(/-/g, " ")}. Status: ${deal.status.replace(/-/g, " ")}.`;
  if (evidence) b.line(type, " Announced ", b.dated("announcement-date", formatDate(deal.announced), deal.id, evidence), ".");
  else b.line(type);
  const byMetric = new Map<Metric, boolean>();
  for (const fact of factsOf(index, deal.id)) byMetric.set(fact.metric, true);
  for (const metric of byMetric.keys()) {
    const reading = readFacts(factsOf(index, deal.id, metric));
    if (!reading) continue;
    const groups = [reading.primary, ...reading.rivals, ...reading.others];
    const parts = groups.flatMap((g, i) => [i > 0 ? (i <= reading.rivals.length ? " vs " : "; ") : "", ...b.figure(g)]);
    const earlier = reading.earlier.length > 0 ? [" (earlier: ", ...b.figure(reading.earlier), ")"] : [];
    b.line("• ", capitalize(METRICS[metric]), ": ", ...parts, ...earlier);
  }
  composeStanding(b, index, deal, undefined);
  return b.build(deal.title, true, "figure");
}

/** `/company`: every deal of a company, with a computed total of their headline values. */
export function companyCard(index: SearchIndex, entity: Entity): Answer {
  const b = new ReplyBuilder(index.kb);
  const group = index.matcher.groupOf(entity.id);
  const ids = index.dealsByGroup.get(group) ?? [];
  const deals = rankDeals(index, ids, [], new Map()).filter((d) => d.type !== "market-event");
  if (deals.length === 0) {
    b.line(`I have no deals for ${entity.name}.`);
    return b.build(entity.name, false, "unknown");
  }
  composeList(b, index, deals, [group]);
  composeTotal(b, index, deals, [group], []);
  return b.build(entity.name, true, "list");
}

/** `/sources`: the sources behind a deal, with tier, date, link and quote. */
export function sourcesCard(index: SearchIndex, deal: Deal): Answer {
  const b = new ReplyBuilder(index.kb);
  composeSources(b, index, [deal]);
  for (const f of factsOf(index, deal.id)) b.cite(f);
  return b.build(deal.title, true, "sources");
}

/** `/compare`: two deals side by side. */
export function compareCard(index: SearchIndex, first: Deal, second: Deal): Answer {
  const b = new ReplyBuilder(index.kb);
  composeCompare(b, index, [first, second]);
  return b.build(`${first.title} vs ${second.title}`, true, "compare");
}
