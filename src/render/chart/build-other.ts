import { type ChartKb, dealTitle, isSuperseded } from "./chart-kb.js";
import { items } from "./build-bars.js";
import { axisUnit, axisValue, CHARTABLE, figureLabel, metricName, shortName, unitName } from "./labels.js";
import type { ChartAnswer, StackPart, TimelineEvent, TimelineSpec, TotalSpec } from "./spec.js";

const MAX_EVENTS = 14;

/** Totals: a stacked bar of the cited parts the computed figure was added up from. */
export function totalSpec(answer: ChartAnswer, kb: ChartKb, scope: readonly number[]): TotalSpec | undefined {
  const computed = items(answer, scope).find((i) => (i.f.computedFrom?.length ?? 0) > 0 && CHARTABLE(i.f));
  if (!computed) return undefined;
  const unit = axisUnit(computed.f.unit);
  const parts: StackPart[] = [];
  const missing: string[] = [];
  for (const factId of computed.f.computedFrom ?? []) {
    const index = answer.figures.findIndex((f) => f.factId === factId);
    const f = answer.figures[index];
    if (!f || !CHARTABLE(f) || axisUnit(f.unit) !== unit) {
      missing.push(factId);
      continue;
    }
    parts.push({ figure: index, name: dealTitle(kb, f.dealId) ?? metricName(f.metric), value: axisValue(f), label: figureLabel(f), series: 0 });
  }
  if (parts.length < 2) return undefined;
  parts.sort((a, b) => b.value - a.value);
  const ranked = parts.map((p, series) => ({ ...p, series }));
  const approximate = ranked.some((p) => answer.figures[p.figure]?.qualifier !== "none");
  const metric = metricName(computed.f.metric);
  const label = `${computed.f.display} (computed)`;
  const notes = [
    "The total is computed by adding the cited figures below; it is not itself reported.",
    ...(approximate ? ["Some parts are approximate or upper bounds, so the total is too."] : []),
    ...(missing.length > 0 ? [`${missing.length} part${missing.length === 1 ? " is" : "s are"} not in the reply and not drawn.`] : []),
  ];
  const largest = ranked.slice(0, 3).map((p) => `${shortName(p.name)} ${answer.figures[p.figure]?.display ?? ""}`).join(", ");
  const alt = `Stacked bar of ${metric.toLowerCase()} in ${unitName(unit)}: a computed total of ${computed.f.display} from ${ranked.length} cited parts, the largest ${largest}.`;
  return { kind: "total", title: `${metric}, ${unitName(unit)}: total of ${ranked.length} cited parts`, unit, total: { figure: computed.index, value: axisValue(computed.f), label }, parts: ranked, notes, alt };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2025-10-23" -> "23 Oct 2025", "2025-10" -> "Oct 2025", "2025" -> "2025": never more precise than the data. */
export const formatDay = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number);
  if (m === undefined) return String(y);
  return d === undefined ? `${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
};
/** "on 23 Oct 2025", but "in Oct 2025" for a date known only to the month or year. */
const atDate = (iso: string): string => `${iso.length === 10 ? "on" : "in"} ${formatDay(iso)}`;

/**
 * A company's deals (a list reply): each deal once, at its announcement date from the knowledge
 * base, with the headline figure the reply gives it. Dates come from the index, not the Answer.
 */
export function timelineSpec(answer: ChartAnswer, kb: ChartKb, scope: readonly number[], subject?: string): TimelineSpec | undefined {
  const seen = new Map<string, TimelineEvent>();
  for (const { index, f } of items(answer, scope)) {
    const deal = f.dealId ? kb.deals.get(f.dealId) : undefined;
    if (!deal || !f.dealId || seen.has(f.dealId) || isSuperseded(kb, f.factId) || f.computedFrom) continue;
    seen.set(f.dealId, {
      dealId: f.dealId,
      name: deal.title,
      date: deal.announced.iso,
      figure: index,
      label: figureLabel(f),
      ...(f.unit === "USD" && CHARTABLE(f) ? { dollars: f.value! } : {}),
    });
  }
  const events = [...seen.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_EVENTS);
  if (events.length < 2) return undefined;
  const who = subject ?? "";
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const notes = [
    events.every((e) => e.dollars !== undefined) ? "Dot area shows the dollar figure." : "Dot area shows the dollar figure; a hollow dot is a figure in another unit or without a single number.",
    ...(seen.size > MAX_EVENTS ? [seen.size - MAX_EVENTS === 1 ? "The earliest deal is not drawn." : `The ${seen.size - MAX_EVENTS} earliest deals are not drawn.`] : []),
  ];
  const alt = `Timeline of ${events.length} ${who ? `${who} ` : ""}deals by announcement date, from ${shortName(first.name)} ${atDate(first.date)}${first.figure !== undefined ? ` (${answer.figures[first.figure]?.display})` : ""} to ${shortName(last.name)} ${atDate(last.date)}${last.figure !== undefined ? ` (${answer.figures[last.figure]?.display})` : ""}.`;
  return { kind: "timeline", title: `${who ? `${who}: ` : ""}deals by announcement date, with headline figures`.replace(/^./, (c) => c.toUpperCase()), events, notes, alt };
}
