import type { ReplyBuilder } from "../answer-model.js";
import type { ConversationContext } from "../focus.js";
import type { StructuredQuery } from "../read/query.js";
import { findCandidates } from "../retrieve/candidates.js";
import { namedInTitle } from "../retrieve/score-facts.js";
import type { Deal } from "../../kb/types.js";
import type { SearchIndex } from "../search-index.js";
import type { Fact } from "../../kb/types.js";
import { comparableFact, offer, offerFacts } from "./decline.js";
import { composeStanding } from "./figure.js";
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
  // The injected figure is made up: it must not pick the deal (a deal that happens to hold "$5B" would win).
  const unfigured: StructuredQuery = { ...q, premise: { ...q.premise, figures: [] } };
  const deals = findCandidates(index, unfigured, focus).deals.slice(0, 5);
  const stated = q.premise.figures[0] ?? (/%|percent/.test(q.lower) ? { unit: "percent" as const, value: 0 } : undefined);
  // "the nvidia openai deal": the deal whose title names every company of the question is the one meant.
  // Among those, the one whose title uses the user's own word for a company ("aws", not Amazon).
  // Only for two or more companies: one company's deals are told apart by the question's other words, as candidates already are.
  const titled = groups.length > 1 ? deals.filter((d) => groups.every((g) => index.titleGroups.get(d.id)?.has(g))) : [];
  // A title naming exactly those companies first ("Nvidia–OpenAI ...", not "Stargate UK (OpenAI, Nvidia and Nscale)").
  const exact = titled.filter((d) => (index.titleGroups.get(d.id)?.size ?? 0) === groups.length);
  const narrowed = exact.length > 0 ? exact : titled;
  const ownWord = narrowed.filter((d) => namedInTitle(q, d));
  const pool = ownWord.length > 0 ? ownWord : narrowed;
  // Several such deals: the one of the year named, else an original deal before its revisions, else the candidates' order.
  const rank = (d: Deal) => (q.years.length > 0 && q.years.includes(d.announced.year) ? 0 : 2) + ((d as { revises?: readonly string[] }).revises?.length ? 1 : 0);
  const named = [...pool].sort((a, b) => rank(a) - rank(b))[0];
  // The deal the injected figure pretends to be about: the named one, else the first candidate that reports that kind of figure.
  const withSame = stated ? (named ? [named] : deals).map((d) => ({ d, f: comparableFact(index, d, stated.unit, q) })).find((x) => x.f !== undefined) : undefined;
  const deal = withSame?.d ?? named ?? deals[0];
  if (deal && withSame?.f) b.line("What my sources actually report: ", ...factSentence(b, index.kb, withSame.f, deal, false));
  else if (deal && offerFacts(index, deal).length > 0) offer(b, index, [deal], "What my sources actually report:");
  else if (deal) {
    // A deal whose figures were all superseded (the scrapped Nvidia–OpenAI letter): its figure, and what became of it.
    const old = deal.factIds.map((id) => index.kb.facts.get(id)).find((f): f is Fact => f !== undefined && f.unit !== "text" && (stated === undefined || f.unit === stated.unit));
    if (!old) return;
    b.line("What my sources actually report: ", ...factSentence(b, index.kb, old, deal, false));
    composeStanding(b, index, deal, old);
  }
}
