import type { Deal, Fact } from "../../kb/types.js";
import type { ReplyBuilder } from "../answer-model.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { headlineFact } from "./collections.js";
import { composeStanding } from "./figure.js";
import { capitalize, factSentence, partiesText, theDeal } from "./sentences.js";

/** Help, refusals, sources and a deal's overview. */

export const EXAMPLE_QUESTIONS = [
  "How much is OpenAI's AWS deal worth?",
  "How many gigawatts will Oracle supply OpenAI?",
  "What stake does Microsoft hold in OpenAI?",
  "Who bought AirTrunk?",
  "How much power is Microsoft buying from Three Mile Island?",
  "What is Meta's capex pledge?",
  "Compare the Oracle and AWS deals",
];

export function composeHelp(b: ReplyBuilder): void {
  b.line("I answer questions about AI and cloud infrastructure deals: cloud and chip contracts, data-center leases, acquisitions, financings, power purchase agreements, capex pledges and national programmes. Every figure comes with its source.");
  b.line("Ask about a deal's value, capacity, chips, length, dates, status, parties, stakes or valuations; or for lists, totals, the largest deals, or a comparison.");
  b.line("For example: ", EXAMPLE_QUESTIONS.map((q) => `“${q}”`).join(", "), ".");
}

export function composeRefusal(b: ReplyBuilder, q: StructuredQuery): void {
  switch (q.refusal) {
    case "advice":
      b.line("I can't give investment advice. I can tell you what deals are worth and who is in them, with sources.");
      break;
    case "prediction":
      b.line("I can't predict what will happen. I can tell you what my sources report so far.");
      break;
    case "injection":
      b.line("I can't change, set or confirm figures on request. I only repeat what my cited sources report.");
      break;
    default:
      b.line("I only answer questions about AI and cloud infrastructure deals, and I don't have anything on that.");
  }
}

/** Deals the bot does know, as suggestions. */
export function suggestDeals(index: SearchIndex, groups: readonly string[]): string[] {
  const own = groups.flatMap((g) => index.dealsByGroup.get(g) ?? []);
  const ids = own.length > 0 ? [...new Set(own)] : index.dealsByHeadline.slice(0, 5);
  return ids.map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined && d.type !== "market-event").slice(0, 5).map((d) => d.title);
}

/** Who reported it: the sources of the facts, or of the deals. */
export function composeSources(b: ReplyBuilder, index: SearchIndex, facts: readonly Fact[], deals: readonly Deal[]): void {
  const chosen = facts.length > 0 ? facts : deals.slice(0, 2).flatMap((d) => d.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined));
  const seen = new Set<string>();
  const unique = chosen.filter((f) => !seen.has(f.source) && (seen.add(f.source), true)).slice(0, 8);
  if (unique.length === 0) return;
  const names = unique.map((f) => {
    const s = index.kb.sources.get(f.source);
    return `${s?.publisher ?? f.source} (tier ${s?.tier ?? "C"})`;
  });
  b.line(`Reported by ${names.join("; ")}. `, { cite: unique.map((f) => b.cite(f)) });
}

/** The report a deal record dates ("date Bloomberg reported the talks"), when it names one: who broke the story. */
export function composeFirstReport(b: ReplyBuilder, index: SearchIndex, deal: Deal | undefined): void {
  const report = deal?.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.metric === "announcement-date" && /\breported\b/i.test(f.label ?? ""));
  if (deal && report) b.line(...factSentence(b, index.kb, report, deal, false));
}

/** "Tell me about the X deal": what it is, who, when, its headline figures and standing. */
export function composeOverview(b: ReplyBuilder, index: SearchIndex, deal: Deal): void {
  b.line(`${capitalize(theDeal(deal))}: ${deal.summary}`);
  b.line(`Parties: ${partiesText(index.kb, deal)}.`);
  const money = headlineFact(index, deal);
  const size = headlineFact(index, deal, ["capacity", "chip-count"]);
  for (const f of [money, size]) if (f && (f !== money || f !== size)) b.line(...factSentence(b, index.kb, f, deal, true));
  composeStanding(b, index, deal, undefined);
}

/** Quoted statements, each cited. */
export function composeQuotes(b: ReplyBuilder, index: SearchIndex, facts: readonly Fact[]): boolean {
  const statements = facts.filter((f) => f.metric === "statement").slice(0, 3);
  for (const f of statements) {
    const deal = index.kb.deals.get(f.dealId);
    if (deal) b.line(...factSentence(b, index.kb, f, deal, true));
  }
  return statements.length > 0;
}
