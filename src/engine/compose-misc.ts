import type { Deal, Fact } from "../kb/types.js";
import type { ReplyBuilder } from "./answer-model.js";
import { capitalize, entityName, theDeal } from "./phrases.js";
import { factsOf, headlineValue } from "./retrieve.js";
import type { SearchIndex } from "./search-index.js";

export const EXAMPLE_QUESTIONS = [
  "How much is OpenAI's AWS deal worth?",
  "How many gigawatts will Oracle supply OpenAI?",
  "What stake does Microsoft hold in OpenAI?",
  "Which companies has Anthropic signed compute deals with?",
  "Compare the Oracle and AWS deals",
];

export function composeHelp(b: ReplyBuilder): void {
  b.line("I answer questions about AI and cloud infrastructure deals, and every figure comes with its source.");
  b.line("Ask about a deal's value, capacity, chips, duration, dates, stakes, valuations or quotes; for lists, totals, the largest deals, or a comparison.");
  b.line("For example: ", EXAMPLE_QUESTIONS.map((q) => `“${q}”`).join(", "), ".");
}

/** Deal titles worth suggesting: those of the named companies, else a search hit, else the largest. */
export function suggestDeals(index: SearchIndex, question: string, groups: readonly string[]): string[] {
  const own = groups.flatMap((g) => index.dealsByGroup.get(g) ?? []);
  let ids = [...new Set(own)];
  if (ids.length === 0 && question) ids = index.dealSearch.search(question.slice(0, 200), { fuzzy: false, prefix: false }).slice(0, 5).map((r) => String(r.id));
  if (ids.length === 0) ids = index.dealsByHeadline.slice(0, 5) as string[];
  return ids
    .map((id) => index.kb.deals.get(id))
    .filter((d): d is Deal => d !== undefined && d.type !== "market-event")
    .sort((a, c) => headlineValue(index, c.id) - headlineValue(index, a.id))
    .slice(0, 5)
    .map((d) => d.title);
}

/** "I don't have a figure for that", then what it does know. */
export function composeUnknown(b: ReplyBuilder, index: SearchIndex, question: string, groups: readonly string[], deal?: Deal, metricLabel?: string): string[] {
  if (deal && metricLabel) {
    b.line(`I don't have a figure for the ${metricLabel} of ${theDeal(deal)}.`);
    const known = [...new Set(factsOf(index, deal.id).map((f) => f.metric.replace(/-/g, " ")))];
    if (known.length > 0) b.line(`For that deal I can tell you about: ${known.slice(0, 8).join(", ")}.`);
    return [];
  }
  b.line("I don't have a figure for that.");
  const suggestions = suggestDeals(index, question, groups);
  if (suggestions.length > 0) b.line(`I do know about: ${suggestions.join("; ")}.`);
  b.line(`Try asking, for example, “${EXAMPLE_QUESTIONS[0]}”`);
  return suggestions;
}

export function composeOffTopic(b: ReplyBuilder, index: SearchIndex): string[] {
  b.line("I only answer questions about AI and cloud infrastructure deals, and I don't have anything on that.");
  const suggestions = suggestDeals(index, "", []);
  if (suggestions.length > 0) b.line(`I do know about: ${suggestions.join("; ")}.`);
  b.line(`Try asking, for example, “${EXAMPLE_QUESTIONS[0]}”`);
  return suggestions;
}

export function composeSources(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[]): void {
  for (const deal of deals.slice(0, 2)) {
    const facts = factsOf(index, deal.id);
    const seen = new Set<string>();
    const unique = facts.filter((f) => !seen.has(f.source) && seen.add(f.source));
    unique.forEach((f) => b.cite(f));
    const tiers = unique.map((f) => index.kb.sources.get(f.source)?.tier ?? "C");
    b.line(`${capitalize(theDeal(deal))} is sourced from ${unique.map((f) => index.kb.sources.get(f.source)?.publisher ?? f.source).join(", ")}`, ` (reliability tiers: ${[...new Set(tiers)].sort().join(", ")}).`);
  }
}

/** "What did Altman say?": quoted statements, each cited. */
export function composeQuotes(b: ReplyBuilder, index: SearchIndex, facts: readonly Fact[]): boolean {
  const statements = facts.filter((f) => f.metric === "statement").slice(0, 3);
  for (const f of statements) {
    const [figure, cite] = b.figure([f]);
    b.line(`${entityName(index.kb, f.speaker) || "The source"} said: “`, figure!, "”", cite!, ".");
  }
  return statements.length > 0;
}
