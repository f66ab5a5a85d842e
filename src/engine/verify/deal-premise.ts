import type { Deal, Fact } from "../../kb/types.js";
import type { StructuredQuery } from "../read/query.js";
import { type Candidates } from "../retrieve/candidates.js";
import { WHOLE_DEAL_ORDINAL } from "../retrieve/fact-parts.js";
import { scoreFacts } from "../retrieve/score-facts.js";
import type { SearchIndex } from "../search-index.js";
import { premiseFailures } from "./premise.js";
import { recordsCombined } from "../kb-view.js";
import type { Failure, Verdict } from "./verify.js";

/**
 * The premise checked on the deal a question is about, before any figure is chosen: a total or a
 * comparison claimed, figures and a year stated of a deal, who did what to whom. A failure goes to
 * the decline composer as the verdict of that deal; otherwise the deals, the first whose premise
 * holds first. verify.ts then checks each figure against the rest of the query.
 */

/** A verdict for a deal as a whole: its failures, with its first figure to stand for it. */
function dealVerdict(index: SearchIndex, deal: Deal, failures: readonly Failure[]): Verdict {
  return { candidate: { fact: firstFact(index, deal), deal, score: 0, metricFits: false }, failures: [...failures] };
}

function firstFact(index: SearchIndex, deal: Deal): Fact {
  return index.kb.facts.get(deal.factIds[0]!)!;
}

/** "so that's like 50 bil combined", "the two together are $X": a total or comparison that states a figure. */
export function collectionPremiseFailure(index: SearchIndex, q: StructuredQuery, cands: Candidates): Verdict[] | undefined {
  if ((q.kind !== "total" && q.kind !== "compare") || q.premise.figures.length === 0) return undefined;
  // Of a deal and its revision, the revision holds the combined figure.
  const first = cands.deals[0];
  const revision = first && q.kind === "total" ? cands.deals.find((d) => first.revisedBy.includes(d.id) && recordsCombined(index.kb, d)) : undefined;
  const lead = revision ?? first;
  if (!lead) return undefined;
  const premise = premiseFailures(index, q, lead).filter((f) => f.kind !== "specific");
  return premise.length > 0 ? [dealVerdict(index, lead, premise)] : undefined;
}

/** The deal-level premise of a figure, who, when, status or overview question. */
export function checkDealPremise(index: SearchIndex, q: StructuredQuery, cands: Candidates, groups: readonly string[]): { failed: Verdict[] } | { cands: Candidates } {
  // A premise about who did what ("why did Oracle pay OpenAI", "why did SpaceX call off the merger")
  // is checked against the deal the question is most about, before any figure is chosen.
  const premised = q.premise.relation !== null && !["value", "partner", "supply"].includes(q.premise.relation) && (q.premise.actor !== null || q.premise.relation === "cancel" || q.premise.relation === "acquire");
  // "anthropic akamai is a 10 year $18b deal right": figures stated of a deal, with no quantity asked, are checked too.
  if (q.kind === "figure" && q.metrics.length === 0 && q.premise.figures.length > 0) {
    // "meta's first coreweave deal was $35b right": of a deal and its revision, the one the question's ordinal names.
    const top = WHOLE_DEAL_ORDINAL.test(q.lower) && q.phase !== null ? (scoreFacts(index, { ...q, premise: { ...q.premise, figures: [] } }, cands.deals, groups, 8)[0]?.deal ?? cands.deals[0]!) : cands.deals[0]!;
    const wrong = premiseFailures(index, q, top).filter((f) => f.kind === "figure" || f.kind === "ceiling" || f.kind === "standing");
    if (wrong.length > 0) return { failed: [dealVerdict(index, top, wrong)] };
  }
  // "stargate got announced in 2024 w the 500 bil number right": the year claimed of the deal is checked whatever else is asked.
  if (q.kind === "figure" && q.yesNo && q.years.length > 0 && !premised) {
    const top = cands.deals[0]!;
    const wrong = premiseFailures(index, q, top).filter((f) => f.kind === "year" || f.kind === "figure");
    if (wrong.some((f) => f.kind === "year")) return { failed: [dealVerdict(index, top, wrong)] };
  }
  // "what's the signed oracle meta deal worth": a deal that is only talks is corrected before any figure.
  if (q.kind === "figure") {
    const top = cands.deals[0]!;
    const standing = premiseFailures(index, q, top).filter((f) => f.kind === "standing");
    if (standing.length > 0) return { failed: [dealVerdict(index, top, standing)] };
  }
  if (q.kind === "figure" && premised) {
    const top = cands.deals[0]!;
    // Words and places are checked figure by figure (choose), where another deal may hold them.
    const premise = premiseFailures(index, q, top).filter((f) => f.kind !== "specific" && f.kind !== "place");
    if (premise.length > 0) return { failed: [dealVerdict(index, top, premise)] };
  }
  if (q.kind !== "figure") {
    // The first of the top deals whose premise holds; if none holds, say what the best one gets wrong.
    const checked = cands.deals.slice(0, 5).map((d) => ({ d, f: premiseFailures(index, q, d) }));
    // A year claimed of the deal asked about is corrected on that deal, not met by another deal of that year.
    const yearOnly = checked[0] !== undefined && checked[0].f.length > 0 && checked[0].f.every((f) => f.kind === "year");
    const ok = yearOnly ? undefined : checked.find((c) => c.f.length === 0);
    if (!ok) return { failed: checked.slice(0, 1).map((c) => dealVerdict(index, c.d, c.f)) };
    if (ok.d !== cands.deals[0]) return { cands: { ...cands, deals: [ok.d, ...cands.deals.filter((d) => d !== ok.d)] } };
  }
  return { cands };
}
