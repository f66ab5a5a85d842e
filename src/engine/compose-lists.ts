import type { Deal, Fact } from "../kb/types.js";
import type { Metric, Unit } from "../kb/vocabulary.js";
import type { Part, ReplyBuilder } from "./answer-model.js";
import { capitalize, counterparties, entityName, figureFrame, theDeal } from "./phrases.js";
import { factsOf, headlineFacts, MONEY_METRICS, readFacts } from "./retrieve.js";
import type { SearchIndex } from "./search-index.js";

const MAX_LIST = 12;
const NON_DEALS = new Set(["plan", "market-event"]);

function headlinePart(b: ReplyBuilder, index: SearchIndex, deal: Deal, metrics?: readonly Metric[]): Part[] {
  const reading = readFacts(headlineFacts(index, deal.id, metrics));
  return reading ? [": ", ...b.figure(reading.primary)] : [];
}

/** "Which companies has Anthropic signed compute deals with?": one cited line per deal. */
export function composeList(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], groups: readonly string[]): void {
  const groupSet = new Set(groups);
  const names = groups.map((g) => entityName(index.kb, g)).join(" and ");
  b.line(names ? `${capitalize(names)}’s deals in my data:` : "Deals in my data:");
  for (const deal of deals.slice(0, MAX_LIST)) {
    const others = counterparties(deal, groupSet, (id) => index.matcher.groupOf(id), index.kb).map((e) => e.name);
    const who = others.length > 0 ? `${others.join(", ")} — ` : "";
    b.line("• ", who, deal.title, ...headlinePart(b, index, deal));
  }
  if (deals.length > MAX_LIST) b.line("…and more; ask about a company pair to narrow it down.");
}

/** Deals whose headline figure can be summed: real deals, not plans, not superseded. */
function summable(index: SearchIndex, deals: readonly Deal[], metrics: readonly Metric[], groups: readonly string[] = []): Array<{ deal: Deal; fact: Fact }> {
  // A revision that restates the whole value replaces the deal it revises; one that only adds
  // (an expansion value, a further investment) is summed alongside it.
  const restated = metrics.includes("deal-value") ? deals.filter((d) => d.revises.length > 0 && factsOf(index, d.id, "deal-value").length > 0) : [];
  const superseded = new Set([...deals.flatMap((d) => d.supersedes), ...restated.flatMap((d) => d.revises)]);
  const out: Array<{ deal: Deal; fact: Fact }> = [];
  for (const deal of deals) {
    if (NON_DEALS.has(deal.type) || superseded.has(deal.id) || deal.status === "cancelled") continue;
    const reading = readFacts(headlineFacts(index, deal.id, metrics, groups));
    const fact = reading?.primary.find((f) => f.value !== undefined);
    if (fact) out.push({ deal, fact });
  }
  return out;
}

/** Totals: a computed sum, labelled as computed, every component cited. Plans are quoted, not summed. */
export function composeTotal(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], groups: readonly string[], metrics: readonly Metric[]): boolean {
  const names = groups.map((g) => entityName(index.kb, g)).join(" and ");
  const money: readonly Metric[] = metrics.includes("funding-round")
    ? ["funding-round"]
    : metrics.includes("investment")
    ? ["investment"]
    : metrics.includes("spending")
      ? ["deal-value", "expansion-value", "spending", "annual-value"]
      : MONEY_METRICS;
  const unitMetric = metrics.find((m) => m === "capacity") ? ["capacity" as Metric] : money;
  const spendQuestion = !metrics.some((m) => m === "funding-round" || m === "investment" || m === "capacity");
  for (const plan of deals.filter((d) => d.type === "plan" && spendQuestion)) {
    const r = readFacts([...factsOf(index, plan.id, "spending"), ...factsOf(index, plan.id, "deal-value")]);
    if (r) b.line(`${names ? `${names} has stated` : "There is"} a plan (${plan.title}) of `, b.figure(r.primary), ".");
  }
  const parts = summable(index, deals, unitMetric, groups);
  const byUnit = new Map<Unit, Array<{ deal: Deal; fact: Fact }>>();
  for (const p of parts) {
    const unit = p.fact.unit === "MW" ? "GW" : p.fact.unit;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), p]);
  }
  const [unit, components] = [...byUnit.entries()].sort((a, c) => c[1].length - a[1].length)[0] ?? [];
  if (!unit || !components || components.length === 0) return b.lines.length > 0;
  const sum = components.reduce((s, c) => s + (c.fact.unit === "MW" ? c.fact.value! / 1000 : c.fact.value!), 0);
  const approx = components.some((c) => c.fact.qualifier !== "none");
  b.line(
    `Adding up the headline figures of ${names ? `the deals I hold for ${names}` : "these deals"} gives `,
    b.computed(components[0]!.fact.metric, sum, unit, components.map((c) => c.fact)),
    ` (computed${approx ? "; some parts are approximate or upper bounds" : ""}):`,
  );
  for (const { deal, fact } of components) b.line("• ", deal.title, ": ", b.figure([fact]));
  return true;
}

/** "What is the largest deal?": deals ranked by their headline figure, each cited. */
export function composeRanking(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[], metrics: readonly Metric[], ascending: boolean, bySizeAlready = false, limit = 5): boolean {
  const measure = metrics.find((m) => m === "capacity" || m === "chip-count" || m === "investment") ?? "deal-value";
  const chain = measure === "deal-value" ? MONEY_METRICS : [measure];
  // Only the top few can make the list: with a precomputed measure, read just the likely ones.
  const precomputed = measure === "deal-value" ? index.headline : measure === "capacity" ? index.capacityGw : undefined;
  const likely =
    precomputed && bySizeAlready && measure === "deal-value"
      ? (ascending ? [...deals].reverse().filter((d) => (precomputed.get(d.id) ?? 0) > 0) : deals).slice(0, 60)
      : precomputed && deals.length > 60
      ? [...deals].sort((x, y) => (ascending ? 1 : -1) * ((precomputed.get(x.id) ?? 0) - (precomputed.get(y.id) ?? 0))).filter((d) => ascending || (precomputed.get(d.id) ?? 0) > 0).slice(0, 60)
      : deals;
  const parts = summable(index, ascending ? likely.filter((d) => (precomputed?.get(d.id) ?? 1) > 0) : likely, chain);
  if (parts.length === 0) return false;
  const value = (f: Fact) => (f.unit === "MW" ? f.value! / 1000 : f.value!);
  const units = new Set(parts.map((p) => (p.fact.unit === "MW" ? "GW" : p.fact.unit)));
  const main = [...units][0];
  const ranked = parts.filter((p) => (p.fact.unit === "MW" ? "GW" : p.fact.unit) === main).sort((x, y) => (ascending ? value(x.fact) - value(y.fact) : value(y.fact) - value(x.fact)));
  b.line(`${ascending ? "Smallest" : "Largest"} by reported headline figure:`);
  ranked.slice(0, limit).forEach(({ deal, fact }) => b.line("• ", deal.title, ": ", b.figure([fact])));
  return true;
}

const COMPARE_METRICS: readonly Metric[] = ["capacity", "duration", "chip-count"];

/** Two or more deals side by side. */
export function composeCompare(b: ReplyBuilder, index: SearchIndex, deals: readonly Deal[]): void {
  b.line(`Comparing ${deals.map((d) => theDeal(d)).join(" and ")}:`);
  for (const deal of deals) {
    const parts: Part[] = ["• ", deal.title, ...headlinePart(b, index, deal, MONEY_METRICS)];
    for (const metric of COMPARE_METRICS) {
      const r = readFacts(factsOf(index, deal.id, metric));
      if (r) parts.push("; ", figureFrame(metric, deal, r.primary[0]!, index.kb)[0].includes("runs for") ? "duration " : `${metric.replace(/-/g, " ")} `, ...b.figure(r.primary));
    }
    b.line(...parts);
  }
  const values = deals.map((d) => readFacts(headlineFacts(index, d.id, MONEY_METRICS))?.primary[0]);
  const [x, y] = values;
  if (deals.length === 2 && x?.value !== undefined && y?.value !== undefined && x.unit === y.unit && x.value !== y.value) {
    const bigger = x.value > y.value ? deals[0]! : deals[1]!;
    b.line(`By reported value, ${theDeal(bigger)} is the larger.`);
  }
}
