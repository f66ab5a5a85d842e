import type { Metric } from "../kb/vocabulary.js";
import type { Quantity } from "./read/lexicon.js";
import type { StructuredQuery } from "./read/query.js";
import { dealsByName, dealsWithAll, type Focus } from "./retrieve/candidates.js";
import type { SearchIndex } from "./search-index.js";

/** What a conversation remembers between turns. The caller keeps it and passes it back. */
export interface ConversationContext {
  /** Entity groups talked about. */
  readonly entities: readonly string[];
  /** Deals answered, most recent first. */
  readonly dealIds: readonly string[];
  readonly metrics: readonly Metric[];
  readonly quantity?: Quantity | null;
  /** The facts last given, for "who reported that?". */
  readonly factIds?: readonly string[];
  readonly years?: readonly number[];
}

export const EMPTY_CONTEXT: ConversationContext = { entities: [], dealIds: [], metrics: [] };

/** A pronoun as the object of a deal verb, or a verb left hanging ("chipping in"): the company just discussed. */
const ACTS_ON_TOPIC = /\b(?:in|into|to|from|with|for|of|on|buy|buys|bought|back|backing|fund|funding)\s+(?:them|it|their|its)\b|\b(?:\w+ing|put|puts|chip|chips|pitch|pitches|throw|throws|kick|kicks)\s+in\s*\??$/;

const CARRY_KINDS = new Set(["figure", "when", "status", "who", "sources", "compare", "overview"]);

/**
 * Which companies and deals a question is about, given the conversation so far:
 * - nothing named: a follow-up stays on the last topic;
 * - only companies already in the topic: the topic stays, narrowed by the question
 *   ("how much is amazon investing" after questions on Anthropic and Amazon stays with Anthropic);
 * - "and AMD?": AMD takes the place of the company it pairs with;
 * - anything else named: a new topic.
 */
export function resolveFocus(index: SearchIndex, q: StructuredQuery, ctx: ConversationContext): Focus {
  const named = [...new Set(q.entities.filter((e) => e.hasDeals).map((e) => e.group))];
  const hasHistory = ctx.entities.length > 0 || ctx.dealIds.length > 0;
  const carry = { carried: ctx.dealIds, years: ctx.years ?? [] };
  if (named.length === 0) {
    // "so the two contracts combined come to about 45 billion": a follow-up's figure is a claim about the topic, not a name.
    const namesDeal = dealsByName(index, q, !(q.followUp || q.pointsBack)).size > 0;
    const continues = q.followUp || q.pointsBack || q.keywords.length <= 3 || CARRY_KINDS.has(q.kind);
    if (hasHistory && !namesDeal && continues && q.entities.length === 0 && q.unknownNames.length === 0) return { groups: ctx.entities, ...carry };
    return { groups: [], carried: [], years: [] };
  }
  if (hasHistory && named.every((g) => ctx.entities.includes(g)) && CARRY_KINDS.has(q.kind) && (q.followUp || q.pointsBack || !q.mentionsDeal || named.length < ctx.entities.length)) {
    return { groups: ctx.entities, ...carry };
  }
  // "how much is nvidia investing in them": a newly named company acting on the topic ("them", "it") joins it.
  if (named.length === 1 && ctx.entities.length > 0 && ACTS_ON_TOPIC.test(q.lower)) {
    const next = named[0]!;
    const others = ctx.entities.filter((g) => g !== next && dealsWithAll(index, [g, next]).length > 0);
    if (others.length > 0) return { groups: [next, ...others], carried: ctx.dealIds, years: ctx.years ?? [] };
  }
  if (q.followUp && named.length === 1 && ctx.entities.length > 0) {
    const next = named[0]!;
    // "and softbank's piece?" after Amazon's part of OpenAI's round: SoftBank takes the place of the one on its own side.
    const roleIn = (g: string, dealId: string | undefined) => index.kb.deals.get(dealId ?? "")?.parties.filter((p) => index.matcher.groupOf(p.entity) === g).map((p) => p.role) ?? [];
    const sameSide = (g: string) => { const mine = roleIn(next, ctx.dealIds[0]); return mine.length > 0 && roleIn(g, ctx.dealIds[0]).some((r) => mine.includes(r)); };
    const paired = ctx.entities.filter((g) => g !== next && dealsWithAll(index, [g, next]).length > 0);
    const partner = paired.find((g) => !sameSide(g)) ?? paired[0];
    // ... in the deal just discussed, when that deal has it too.
    const last = index.kb.deals.get(ctx.dealIds[0] ?? "");
    const lastHas = (g: string) => last !== undefined && (last.parties.some((p) => index.matcher.groupOf(p.entity) === g) || last.factIds.some((id) => { const f = index.kb.facts.get(id); return f?.subject !== undefined && index.matcher.groupOf(f.subject) === g; }));
    const stays = partner !== undefined && lastHas(partner) && lastHas(next);
    return { groups: partner ? [partner, next] : [next], carried: stays ? ctx.dealIds.slice(0, 1) : [], years: [] };
  }
  return { groups: withoutIncidental(index, q, named), carried: [], years: [] };
}

/** The companies asked about, less those named only in passing (a chip maker, a country as a place) when no deal involves them all. */
function withoutIncidental(index: SearchIndex, q: StructuredQuery, named: readonly string[]): string[] {
  if (named.length < 2 || dealsWithAll(index, named).length > 0) return [...named];
  const passing = new Set(q.entities.filter((e) => e.incidental === true).map((e) => e.group));
  const core = named.filter((g) => !passing.has(g) || q.entities.some((e) => e.group === g && e.incidental !== true));
  return core.length > 0 && core.length < named.length && dealsWithAll(index, core).length > 0 ? core : [...named];
}

/** A follow-up that names no quantity asks for the one asked last ("and AMD?"). */
export function inheritQuantity(q: StructuredQuery, ctx: ConversationContext): StructuredQuery {
  // "and what's that worth?" after a stake: the value of that stake.
  if (ctx.quantity === "stake" && (q.quantity === "value" || q.quantity === "size") && (q.pointsBack || q.followUp)) {
    return { ...q, metrics: ["stake-value", ...q.metrics.filter((m) => m !== "stake-value")] };
  }
  // "what about the second one?" after a figure: the same figure of the next thing, not an overview of it.
  if (q.kind === "overview" && q.quantity === null && ctx.metrics.length > 0 && /^(?:(?:and|so|ok|but) )?(?:what|how) about\b/.test(q.lower)) return { ...q, kind: "figure", quantity: ctx.quantity ?? null, metrics: ctx.metrics, precise: false };
  if (q.quantity !== null || !(q.followUp || q.keywords.length === 0) || ctx.metrics.length === 0 || !["figure", "total", "compare", "rank"].includes(q.kind)) return q;
  return { ...q, quantity: ctx.quantity ?? null, metrics: ctx.metrics, precise: false };
}
