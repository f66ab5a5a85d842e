import type { Deal } from "../../kb/types.js";
import { principalDeals } from "../compose/collections.js";
import { periodYears } from "../read/figures-and-times.js";
import { lemma } from "../read/lemmas.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";
import { type Candidates, RESTATED_TYPES } from "./candidates.js";
import { dealWords } from "./deal-words.js";
import { rolesPay } from "../verify/relations.js";

/**
 * The deals a list, ranking or total runs over: every deal when no company is named (global),
 * else the candidates; narrowed to the deals the question names by place or title word
 * ("microsoft's india and uae commitments"), to the deal types and years it names, and to those
 * where the companies play a principal role.
 */
export function collectionScope(index: SearchIndex, q: StructuredQuery, cands: Candidates, groups: readonly string[], global: boolean): Deal[] {
  const all = global ? [...index.kb.deals.values()] : [...cands.deals];
  let deals = all.filter((d) => d.type !== "market-event");
  // One company's deals narrow to those named ("microsoft's india and uae"); with several companies
  // their names themselves are title words, and narrowing would drop all but one company's deals.
  if (groups.length === 1) {
    const words = q.specifics.map((w) => lemma(w));
    const named = deals.filter((d) => cands.byName.has(d.id) || words.some((w) => dealWords(index, d).header.has(w)));
    if (named.length > 0) deals = named;
  }
  // "deals nvidia invested equity in": a type that only restates the relation is checked by role below, not by type.
  const restated = (q.kind === "list" || q.kind === "rank") && q.relation !== null && q.dealTypes.every((t) => (RESTATED_TYPES[q.relation!] ?? []).includes(t));
  if (q.dealTypes.length > 0 && !restated) {
    const typed = deals.filter((d) => q.dealTypes.includes(d.type));
    if (typed.length > 0) deals = typed;
  }
  // Years that bound a period ("thru 2029", "2023 to 2029") say nothing of when a deal was made;
  // a running total "as of end of 2024" takes the deals made by then.
  const period = periodYears(q.lower);
  const made = q.years.filter((y) => !period.years.includes(y));
  if (made.length > 0) deals = deals.filter((d) => made.includes(d.announced.year));
  else if (period.upTo !== null) deals = deals.filter((d) => d.announced.year <= period.upTo!);
  // "which deals did nvidia invest in": the company on the giving side of the relation asked.
  const g = groups.length === 1 ? groups[0]! : undefined;
  const roles = q.relation !== null ? rolesPay(q.relation) : [];
  if (g !== undefined && roles.length > 0 && q.kind !== "total") {
    const giving = deals.filter((d) => d.parties.some((p) => index.matcher.groupOf(p.entity) === g && roles.includes(p.role)));
    if (giving.length > 0) deals = giving;
  }
  return principalDeals(index, deals, groups);
}

/**
 * "which chip supplier is in stargate uae", "which coreweave landlords": the deals where someone
 * other than the named companies holds the role asked; `plural` when the question asks for several.
 */
export function withRoleAsked(index: SearchIndex, q: StructuredQuery, deals: readonly Deal[], groups: readonly string[]): { deals: readonly Deal[]; plural: boolean } {
  const role = /\b(supplier|partner|tenant|landlord|lender|buyer|provider|developer|operator|seller|acquirer|investor)s?\b/.exec(q.lower)?.[1];
  if (role === undefined) return { deals, plural: false };
  const withRole = deals.filter((d) => d.parties.some((p) => p.role === role && !groups.includes(index.matcher.groupOf(p.entity))));
  return { deals: withRole.length > 0 ? withRole : deals, plural: new RegExp(`\\b${role}s\\b`).test(q.lower) };
}
