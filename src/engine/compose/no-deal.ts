import type { Deal } from "../../kb/types.js";
import type { ReplyBuilder } from "../answer-model.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { describedDeal, holderOf } from "./attribution.js";
import { offer } from "./decline.js";
import { capitalize, entityName, factSentence, joinAnd, partiesText, theDeal } from "./sentences.js";

/**
 * Replies for companies the data has no deal for, alone or together: names it has never heard of,
 * companies it knows without deals, and pairs of companies with no deal between them (saying whose
 * deal the question describes, or whose figure it states, where the data shows it).
 */

/** Companies the data knows but holds no deal for, and names it has never heard of. */
export function composeUnknownParties(b: ReplyBuilder, index: SearchIndex, unknown: readonly string[], noDeals: readonly string[], known: readonly string[]): void {
  const kb = index.kb;
  const missing = [...unknown.map((n) => capitalize(n)), ...noDeals.map((g) => entityName(kb, g))];
  if (known.length > 0) b.line(`I have no deal between ${joinAnd(missing)} and ${joinAnd(known.map((g) => entityName(kb, g)))} in my sources.`);
  else b.line(`I don't have any deals involving ${joinAnd(missing)} in my sources.`);
  const offers = known.flatMap((g) => (index.dealsByGroup.get(g) ?? []).slice(0, 1)).map((id) => kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
  if (offers.length > 0) offer(b, index, offers, `What I do have on ${joinAnd(known.map((g) => entityName(kb, g)))}:`);
}

/** Two or more companies with no deal together. */
export function composeNoJointDeal(b: ReplyBuilder, index: SearchIndex, groups: readonly string[], q?: StructuredQuery): void {
  const kb = index.kb;
  b.line(`I have no deal between ${joinAnd(groups.map((g) => entityName(kb, g)))} in my sources.`);
  // "oracle's 1 million tpu deal with anthropic": the deal the question describes is another company's.
  const described = q && groups.length === 2 ? describedDeal(index, q, groups) : undefined;
  if (described) {
    b.line(`The deal you describe is ${theDeal(described)}: ${partiesText(kb, described)}.`);
    offer(b, index, [described], "What my sources report:");
    return;
  }
  // "that $30b deal": whose deal the stated figure is, among the named parties' deals.
  for (const stated of q?.premise.figures ?? []) {
    const holder = stated.unit === "USD" ? holderOf(index, stated.value, "", groups, [...(q?.keywords ?? []), ...(q?.entities ?? []).flatMap((e) => e.text.toLowerCase().split(" "))]) : undefined;
    if (holder) {
      b.line("The figure you give belongs to this deal: ", ...factSentence(b, kb, holder, kb.deals.get(holder.dealId)!, false));
      return;
    }
  }
  // A party with only a few deals ("Akamai", "Project Rainier"): say whose deals they are.
  // A project ("the hyperion data center jv") is described by its first two deals, however many it has.
  const few = groups
    .map((g) => ({ g, ids: (index.dealsByGroup.get(g) ?? []).slice(0, kb.entities.get(g)?.kind === "project" ? 2 : undefined) }))
    .filter((x) => x.ids.length > 0 && x.ids.length <= 2)
    .sort((a, b2) => a.ids.length - b2.ids.length)[0];
  if (few) {
    const deals = few.ids.map((id) => kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
    b.line(`${entityName(kb, few.g)} appears in my sources in ${joinAnd(deals.map((d) => theDeal(d)))}: ${joinAnd(deals.map((d) => partiesText(kb, d)))}.`);
    offer(b, index, deals, "What they report:");
    return;
  }
  b.line(`I do have deals for ${joinAnd(groups.filter((g) => (index.dealsByGroup.get(g) ?? []).length > 0).map((g) => entityName(kb, g)))}: ask about one of them.`);
}
