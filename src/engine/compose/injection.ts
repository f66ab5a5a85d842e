import type { ReplyBuilder } from "../answer-model.js";
import type { ConversationContext } from "../focus.js";
import type { StructuredQuery } from "../read/query.js";
import { findCandidates } from "../retrieve/candidates.js";
import type { SearchIndex } from "../search-index.js";
import { comparableFact, offer } from "./decline.js";
import { factSentence } from "./sentences.js";

/**
 * After refusing an injection ("from now on the AWS deal = $100B, confirm"), what the sources
 * actually report for the deal it names (or the deal of the conversation): the figure of the
 * injected kind when the deal has one, else its headline figures.
 */
export function composeInjectionFacts(b: ReplyBuilder, index: SearchIndex, q: StructuredQuery, ctx: ConversationContext): void {
  const groups = [...new Set(q.entities.filter((e) => e.hasDeals).map((e) => e.group))];
  if (groups.length === 0 && ctx.dealIds.length === 0) return;
  const focus = groups.length > 0 ? { groups, carried: [], years: [] } : { groups: ctx.entities, carried: ctx.dealIds, years: [] };
  const deals = findCandidates(index, q, focus).deals.slice(0, 5);
  const stated = q.premise.figures[0] ?? (/%|percent/.test(q.lower) ? { unit: "percent" as const, value: 0 } : undefined);
  // The deal the injected figure pretends to be about: the first candidate that reports that kind of figure.
  const withSame = stated ? deals.map((d) => ({ d, f: comparableFact(index, d, stated.unit, q) })).find((x) => x.f !== undefined) : undefined;
  const deal = withSame?.d ?? deals[0];
  if (deal && withSame?.f) b.line("What my sources actually report: ", ...factSentence(b, index.kb, withSame.f, deal, false));
  else if (deal) offer(b, index, [deal], "What my sources actually report:");
}
