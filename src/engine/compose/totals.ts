import type { Deal, Fact } from "../../kb/types.js";
import type { Metric } from "../../kb/vocabulary.js";
import type { ReplyBuilder } from "../answer-model.js";
import { isOtherBasis, metricLabel, overlapsOf } from "../kb-view.js";
import type { SearchIndex } from "../search-index.js";
import { factSentence, joinAnd } from "./sentences.js";
import { headlineFact } from "./collections.js";

/** Totals over deals, with what is left out and why. Every figure in them is cited. */

/**
 * A total over deals: each deal's own headline figure in the metrics asked, added up and labelled
 * as computed; hedged ("up to") parts and facts that may count the same money are named apart.
 */
export function composeTotal(b: ReplyBuilder, index: SearchIndex, dealsIn: readonly Deal[], metrics: readonly Metric[], who: string, party?: TotalParty): Fact[] | null {
  let deals = dealsIn;
  const firm: Fact[] = [];
  const hedged: Fact[] = [];
  const apart: Array<{ f: Fact; why: Apart }> = [];
  const taken = new Set<string>();
  // One deal: its parts ("Texas" and "Wisconsin" loans), unless it states its own total.
  if (deals.length === 1) {
    const parts = partsOf(index, deals[0]!, metrics);
    if (parts.length >= 2) deals = [];
    for (const f of parts) (["up to", "as much as", "may", "potential"].includes(f.qualifier as string) ? hedged : firm).push(f);
  }
  // Plans and pledges are set apart only from signed deals: "add up the India and UAE pledges" adds them.
  const mixed = deals.some((d) => !INTENT_TYPES.includes(d.type));
  for (const d of deals) {
    if (["scrapped", "superseded", "cancelled", "rejected"].includes(d.status as string)) continue;
    // A hub's total ("nvidia into nokia and intel") takes the hub's own figure in each deal first.
    const f = (party?.ownFigures ? ownFigure(index, d, metrics, party.group) : undefined) ?? headlineFact(index, d, metrics, ["USD"]);
    if (!f || f.value === undefined) continue;
    if (overlapsOf(f).some((id) => taken.has(id))) continue;
    taken.add(f.id);
    const why = party !== undefined && deals.length > 1 ? notTheParty(index, d, f, party, mixed) : null;
    if (why === "not-theirs") continue;
    if (why !== null) apart.push({ f, why });
    else if (isCeiling(f)) {
      // "$5 billion now, up to $25 billion in all": the firm part is added, the ceiling shown apart.
      const now = firmPart(index, d, f);
      if (now !== undefined && !taken.has(now.id)) {
        taken.add(now.id);
        firm.push(now);
      }
      hedged.push(f);
    } else firm.push(f);
  }
  // Nothing else to keep them apart from: the plan or pledge is the answer.
  if (firm.length + hedged.length === 0) for (const a of apart.splice(0)) (["up to", "as much as", "may", "potential"].includes(a.f.qualifier as string) ? hedged : firm).push(a.f);
  if (firm.length + hedged.length === 0) return null;
  // One figure is not a total: give it as it is.
  if (firm.length + hedged.length === 1) {
    const only = (firm[0] ?? hedged[0])!;
    b.line(...factSentence(b, index.kb, only, index.kb.deals.get(only.dealId)!, true));
    return [only];
  }
  const sum = firm.reduce((s, f) => s + (f.value ?? 0), 0);
  const kinds = joinAnd([...new Set([...firm, ...hedged].map((f) => metricLabel(f.metric)))]);
  if (firm.length > 0) {
    const anyApprox = firm.some((f) => f.qualifier !== "none");
    b.line(`Total ${kinds}${who ? ` for ${who}` : ""}: `, ...b.answer(b.computed(firm[0]!.metric, sum, "USD", firm, anyApprox ? "about" : "none")), " (computed by adding the cited figures below).");
    for (const f of firm) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, false));
  }
  // Ceilings only, of separate deals or parties: their sum is a ceiling too ("up to $10B" and "up to $5B": up to $15B).
  const ceilings = hedged.filter((f) => f.qualifier === "up to" || f.qualifier === "as much as");
  if (firm.length === 0 && apart.length === 0 && ceilings.length >= 2 && ceilings.length === hedged.length && new Set(ceilings.map((f) => f.unit)).size === 1) {
    const top = ceilings.reduce((s, f) => s + (f.value ?? 0), 0);
    b.line(`Total ${kinds}${who ? ` for ${who}` : ""}: `, ...b.answer(b.computed(ceilings[0]!.metric, top, ceilings[0]!.unit, ceilings, "up to")), " (computed by adding the ceilings below; each is a maximum, so the total is one too).");
    for (const f of ceilings) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, false));
    return [...ceilings];
  }
  if (hedged.length > 0) {
    b.line(firm.length > 0 ? "Not added, because they are ceilings rather than firm amounts:" : "Only ceilings are reported, so I give them without adding them up:");
    for (const f of hedged) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, firm.length === 0));
  }
  for (const [why, heading] of [
    ["umbrella", "Not added, because it is an overall plan that may already include the deals above:"],
    ["pledge", "Not added, because pledges are announced intentions, not signed deals, and may overlap with the deals above:"],
    ["shared", `Not added, because it is the whole of a deal shared with other ${party?.relation === "lend" ? "lenders" : "backers"}, not ${who || "one party"}'s part:`]] as const) {
    const facts = apart.filter((a) => a.why === why).map((a) => a.f);
    if (facts.length === 0) continue;
    b.line(heading);
    for (const f of facts) b.line("• ", ...factSentence(b, index.kb, f, index.kb.deals.get(f.dealId)!, false));
  }
  return [...firm, ...hedged, ...apart.map((a) => a.f)];
}

type Apart = "umbrella" | "pledge" | "shared";
const INTENT_TYPES: readonly string[] = ["plan", "capex-pledge"];

function ownFigure(index: SearchIndex, deal: Deal, metrics: readonly Metric[], group: string): Fact | undefined {
  const own = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.subject !== undefined && index.matcher.groupOf(f.subject) === group && f.unit === "USD" && f.value !== undefined && f.supersededBy === undefined && !isOtherBasis(f));
  for (const m of metrics) {
    const hit = own.find((f) => f.metric === m);
    if (hit) return hit;
  }
  return undefined;
}

/** Whose total it is, and what they did: "how much has OpenAI committed" adds only what OpenAI pays. */
export interface TotalParty {
  readonly group: string;
  /** The roles that count: the paying side of the relation asked, or every principal role when none was. */
  readonly roles: readonly string[];
  readonly relation: string | null;
  /** Add the party's own figure in each deal (its part of a round), not the deal's whole. */
  readonly ownFigures?: boolean;
}

/**
 * Why a deal's headline is not part of one party's total: the party is not on the side asked
 * ("not-theirs": left out), the deal is the party's overall plan that summarises its other deals
 * ("umbrella") or a pledge of intent ("pledge"), or the figure is a whole shared with co-backers in the same role ("shared").
 */
function notTheParty(index: SearchIndex, deal: Deal, fact: Fact, party: TotalParty, mixed: boolean): "not-theirs" | Apart | null {
  const mine = deal.parties.filter((p) => index.matcher.groupOf(p.entity) === party.group).map((p) => p.role);
  if (mixed && deal.type === "plan") return "umbrella";
  if (mixed && deal.type === "capex-pledge") return "pledge";
  if (party.roles.length > 0 && !mine.some((r) => party.roles.includes(r))) return "not-theirs";
  // An investment figure is its investor's money: a tenant's total does not take the developer's build cost.
  if (fact.metric === "investment" && fact.subject === undefined && !mine.some((r) => ["investor", "acquirer", "lender"].includes(r))) return "not-theirs";
  if (fact.subject !== undefined) return index.matcher.groupOf(fact.subject) === party.group ? null : "not-theirs";
  const sameRole = new Set(deal.parties.filter((p) => mine.includes(p.role) && ["investor", "lender", "acquirer"].includes(p.role)).map((p) => index.matcher.groupOf(p.entity)));
  return sameRole.size > 1 ? "shared" : null;
}

const TOTAL_LABEL = /\b(?:total|combined|overall|in all)\b/i;

/** A deal's own figure for the whole of a metric asked ("in total"), of the party asked when it names one. */
export function statedTotal(index: SearchIndex, deal: Deal, metrics: readonly Metric[], group: string | undefined, words: readonly string[] = []): Fact | undefined {
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && f.value !== undefined && !isOtherBasis(f) && TOTAL_LABEL.test(f.label ?? ""));
  const mine = (f: Fact) => group === undefined || f.subject === undefined || index.matcher.groupOf(f.subject) === group;
  for (const m of metrics) {
    const hit = facts.find((f) => f.metric === m && mine(f));
    if (hit) return hit;
  }
  // "total lease revenue applied digital expects": a total whose own label names what is asked, whatever its metric.
  return facts.find((f) => mine(f) && words.some((w) => w.length > 3 && new RegExp(`\\b${w}`, "i").test(f.label ?? "")));
}

/** A deal's separate current figures of one metric that add up: one per dispute group, no totals, no overlaps. */
function partsOf(index: SearchIndex, deal: Deal, metrics: readonly Metric[]): Fact[] {
  const facts = deal.factIds.map((id) => index.kb.facts.get(id)).filter((f): f is Fact => f !== undefined && f.supersededBy === undefined && f.unit === "USD" && f.value !== undefined && !isOtherBasis(f));
  for (const m of metrics) {
    const same = facts.filter((f) => f.metric === m);
    if (same.some((f) => TOTAL_LABEL.test(f.label ?? ""))) return [];
    const seen = new Set<string>();
    const parts = same.filter((f) => {
      // Two pages giving the same figure ("$15.2 billion" in both) report one amount, not two.
      const key = f.dispute ?? `${f.value}|${f.subject ?? ""}`;
      if (seen.has(key) || seen.has(f.id) || f.overlaps.some((o) => seen.has(o))) return false;
      seen.add(key).add(f.id);
      return true;
    });
    if (parts.length >= 2) return parts;
  }
  return [];
}

const isCeiling = (f: Fact): boolean => ["up to", "as much as", "may", "potential"].includes(f.qualifier as string);

/** A firm figure of the same kind, holder and deal as a ceiling: the part already put in. */
function firmPart(index: SearchIndex, deal: Deal, ceiling: Fact): Fact | undefined {
  return deal.factIds
    .map((id) => index.kb.facts.get(id))
    .find((g): g is Fact => g !== undefined && g.id !== ceiling.id && g.metric === ceiling.metric && g.unit === ceiling.unit && g.subject === ceiling.subject && g.value !== undefined && !isCeiling(g) && !isOtherBasis(g) && g.supersededBy === undefined);
}
