import { type ChartKb, dealTitle, disputeOf, isSuperseded } from "./chart-kb.js";
import { axisUnit, axisValue, CHARTABLE, figureLabel, listWords, metricName, shortName, unitName } from "./labels.js";
import type { Bar, BarsSpec, ChartAnswer, ChartFigure, Panel } from "./spec.js";

interface Item {
  readonly index: number;
  readonly f: ChartFigure;
}

const MAX_RANKED = 10;
const lowerFirst = (s: string): string => s.replace(/^./, (c) => c.toLowerCase());
const MAX_PANELS = 3;

export function items(answer: ChartAnswer, scope: readonly number[]): Item[] {
  return scope.flatMap((index) => {
    const f = answer.figures[index];
    return f ? [{ index, f }] : [];
  });
}

/** Bars for figures on one axis. Rival figures of one dispute become one range bar. */
export function toBars(kb: ChartKb, list: readonly Item[], seriesOf: (dealId: string | null) => number): Bar[] {
  const used = new Set<number>();
  const mixed = new Set(list.map((i) => i.f.metric)).size > 1;
  const bars: Bar[] = [];
  for (const item of list) {
    if (used.has(item.index)) continue;
    const group = disputeOf(kb, item.f.factId);
    const rivals = group
      ? list.filter((o) => o !== item && !used.has(o.index) && o.f.dealId === item.f.dealId && disputeOf(kb, o.f.factId) === group)
      : [];
    const all = [item, ...rivals].sort((a, b) => axisValue(a.f) - axisValue(b.f));
    for (const i of all) used.add(i.index);
    const name = dealTitle(kb, item.f.dealId) ?? metricName(item.f.metric);
    const metricNote = mixed ? metricName(item.f.metric).toLowerCase() : undefined;
    const series = seriesOf(item.f.dealId);
    const lo = all[0]!;
    const hi = all[all.length - 1]!;
    if (all.length > 1) {
      const note = ["sources differ", ...(metricNote ? [metricNote] : [])].join(" · ");
      bars.push({ figures: all.map((i) => i.index), name, value: axisValue(hi.f), low: axisValue(lo.f), label: figureLabel(hi.f), lowLabel: figureLabel(lo.f), note, superseded: false, series });
      continue;
    }
    const superseded = isSuperseded(kb, item.f.factId);
    const note = [...(metricNote ? [metricNote] : []), ...(superseded ? ["superseded"] : [])].join(" · ");
    bars.push({ figures: [item.index], name, value: axisValue(item.f), label: figureLabel(item.f), ...(note ? { note } : {}), superseded, series });
  }
  return bars;
}

function panelTitle(list: readonly Item[], unit: string): string {
  const metrics = new Set(list.map((i) => i.f.metric));
  const metric = metrics.size === 1 ? metricName(list[0]!.f.metric) : "Headline figure";
  return `${metric}, ${unitName(unit)}`;
}

function byUnit(list: readonly Item[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const i of list) groups.set(axisUnit(i.f.unit), [...(groups.get(axisUnit(i.f.unit)) ?? []), i]);
  return groups;
}

const notDrawn = (kb: ChartKb, list: readonly Item[], why: string): string[] =>
  list.length === 0 ? [] : [`${why}: ${list.map((i) => `${shortName(dealTitle(kb, i.f.dealId) ?? metricName(i.f.metric))} ${figureLabel(i.f)}`).join("; ")}.`];

const barWords = (b: Bar, answer: ChartAnswer): string => {
  const display = (i: number | undefined) => (i === undefined ? "" : (answer.figures[i]?.display ?? ""));
  const what = b.low !== undefined ? `from ${display(b.figures[0])} to ${display(b.figures[b.figures.length - 1])} (sources differ)` : display(b.figures[0]);
  return `${shortName(b.name)} ${what}${b.superseded ? " (superseded)" : ""}`;
};

/** Rankings (and a single disputed figure): one axis, horizontal bars, largest first, at most ten. */
export function rankingSpec(answer: ChartAnswer, kb: ChartKb, scope: readonly number[], disputeOnly = false): BarsSpec | undefined {
  const all = items(answer, scope);
  const drawable = all.filter((i) => CHARTABLE(i.f));
  const groups = [...byUnit(drawable).entries()].sort((a, b) => b[1].length - a[1].length);
  const [unit, list] = groups[0] ?? [];
  if (!unit || !list) return undefined;
  const bars = toBars(kb, list, () => 0).sort((a, b) => b.value - a.value);
  if (disputeOnly && !bars.some((b) => b.low !== undefined)) return undefined;
  if (bars.length < 2 && !bars.some((b) => b.low !== undefined)) return undefined;
  const shown = bars.slice(0, MAX_RANKED);
  const others = groups.slice(1).flatMap(([, l]) => l);
  const notes = [
    ...(bars.length > MAX_RANKED ? [`${bars.length - MAX_RANKED} smaller figures are not drawn.`] : []),
    ...notDrawn(kb, others, "In other units, not drawn"),
    ...notDrawn(kb, all.filter((i) => !CHARTABLE(i.f) && i.f.unit !== "date" && i.f.unit !== "text"), "No single number to draw"),
  ];
  const title = disputeOnly ? `${panelTitle(list, unit)}: sources differ` : `Ranked by ${lowerFirst(panelTitle(list, unit))}, largest first`;
  const alt = `${disputeOnly ? "Bar chart" : "Horizontal bar chart ranking"} ${lowerFirst(panelTitle(list, unit))}${disputeOnly ? "" : ", largest first"}: ${shown.slice(0, 5).map((b) => barWords(b, answer)).join("; ")}${shown.length > 5 ? `; and ${shown.length - 5} more` : ""}.`;
  return { kind: "ranking", title, legend: [], panels: [{ unit, title: panelTitle(list, unit), bars: shown }], notes, alt };
}

/** Comparisons: one panel per unit (never a mixed axis), one colour per deal across panels. */
export function compareSpec(answer: ChartAnswer, kb: ChartKb, scope: readonly number[]): BarsSpec | undefined {
  const all = items(answer, scope);
  const deals: Array<string | null> = [];
  for (const i of all) if (!deals.includes(i.f.dealId)) deals.push(i.f.dealId);
  const seriesOf = (dealId: string | null) => Math.max(0, deals.indexOf(dealId));
  const groups = [...byUnit(all.filter((i) => CHARTABLE(i.f))).entries()];
  const panels: Panel[] = groups.slice(0, MAX_PANELS).map(([unit, list]) => ({ unit, title: panelTitle(list, unit), bars: toBars(kb, list, seriesOf) }));
  if (panels.length === 0 || panels.every((p) => p.bars.length < 2)) return undefined;
  const legend = deals.map((d, series) => ({ series, name: dealTitle(kb, d) ?? "Computed" }));
  const notes = [
    ...notDrawn(kb, groups.slice(MAX_PANELS).flatMap(([, l]) => l), "Further units, not drawn"),
    ...notDrawn(kb, all.filter((i) => !CHARTABLE(i.f) && i.f.unit !== "date" && i.f.unit !== "text"), "No single number to draw"),
  ];
  const names = listWords(legend.map((l) => shortName(l.name)));
  const alt = `Bar chart comparing ${names}${panels.length > 1 ? ` in ${panels.length} panels, one per unit` : ""}: ${panels
    .map((p) => `${lowerFirst(p.title)}: ${p.bars.map((b) => barWords(b, answer)).join(", ")}`)
    .join("; ")}.`;
  return { kind: "compare", title: `Comparison: ${listWords(legend.map((l) => shortName(l.name)))}`, legend, panels, notes, alt };
}
