import type { Deal, Fact } from "../../kb/types.js";
import type { Relation } from "../read/lexicon.js";
import type { StructuredQuery } from "../read/query.js";
import type { SearchIndex } from "../search-index.js";

/**
 * Which deals and figures a relation can be about, and which party roles give and which
 * receive under it. "How much did Microsoft pay to acquire OpenAI" needs an acquisition;
 * "how much did Anthropic invest in Amazon" needs Anthropic on the investing side.
 */

const MONEY_METRICS = new Set(["deal-value", "investment", "funding-round", "spending", "capex-pledge", "debt", "expansion-value", "annual-value", "monthly-value", "equity", "tranche", "stake-value", "prepayment", "backstop", "valuation"]);

const MONEY_RELATIONS: ReadonlySet<Relation> = new Set(["invest", "pay", "lend"]);

const CANCELLED = new Set(["scrapped", "cancelled", "rejected", "superseded"]);

export function relationFits(relation: Relation, deal: Deal, fact: Fact, q: StructuredQuery): boolean {
  const t = deal.type as string;
  const m = fact.metric as string;
  // "how many GW of SMRs is amazon backing": where only a physical quantity is asked, a money verb
  // says how a party takes part, and no kind of deal rules it out.
  if (MONEY_RELATIONS.has(relation) && q.metrics.length > 0 && !q.metrics.some((x) => MONEY_METRICS.has(x))) return true;
  switch (relation) {
    case "acquire":
      return t === "acquisition" || (t === "equity" && (m === "stake" || m === "share-count") && /\bstake\b/.test(q.lower));
    case "invest":
      return ["equity", "joint-venture", "acquisition", "sovereign-programme", "capex-pledge", "plan", "financing"].includes(t) || ["investment", "tranche", "stake", "stake-value", "funding-round", "valuation", "equity", "share-count", "capex-pledge"].includes(m);
    case "lend":
      return t === "financing" || ["debt", "bond-orders", "interest-rate", "backstop"].includes(m);
    case "lease":
      return ["lease", "data-center", "cloud-capacity"].includes(t) || deal.parties.some((p) => p.role === "tenant" || p.role === "landlord");
    case "supply":
      return ["chips", "cloud-capacity", "power", "data-center", "lease", "licensing", "joint-venture"].includes(t) || ["chip-count", "server-count", "capacity"].includes(m);
    case "pledge":
      return ["capex-pledge", "plan", "sovereign-programme"].includes(t) || ["capex-pledge", "spending"].includes(m);
    case "cancel":
      // Only a scrapped, rejected or superseded deal was cancelled.
      return CANCELLED.has(deal.status as string);
    case "pay":
      return t !== "market-event" && (MONEY_METRICS.has(m) || q.metrics.length > 0);
    case "partner":
    case "value":
      return true;
  }
}

export function isCancelled(deal: Deal): boolean {
  return CANCELLED.has(deal.status as string);
}

/** Roles whose holder gives money, chips or capacity under the relation. */
export function rolesPay(relation: Relation): readonly string[] {
  switch (relation) {
    case "invest":
      return ["investor", "acquirer", "lender"];
    case "acquire":
      return ["acquirer", "buyer", "investor"];
    case "pay":
      return ["buyer", "tenant", "investor", "acquirer"];
    case "lend":
      return ["lender"];
    case "supply":
      return ["supplier", "provider", "landlord", "developer"];
    case "lease":
      return ["tenant", "buyer"];
    default:
      return [];
  }
}

/** Roles whose holder receives under the relation. */
export function rolesReceive(relation: Relation): readonly string[] {
  switch (relation) {
    case "invest":
      return ["investee", "borrower"];
    case "acquire":
      return ["target", "seller", "investee"];
    case "pay":
      return ["provider", "supplier", "landlord", "seller"];
    case "lend":
      return ["borrower"];
    case "supply":
      return ["buyer", "tenant"];
    case "lease":
      return ["landlord", "provider"];
    default:
      return [];
  }
}

/** The role a group plays in a deal: the first party of that group. */
export function roleOf(index: SearchIndex, deal: Deal, group: string): string | undefined {
  return deal.parties.find((p) => index.matcher.groupOf(p.entity) === group)?.role;
}
