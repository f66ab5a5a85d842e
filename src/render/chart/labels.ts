import type { ChartFigure } from "./spec.js";

/** Words for titles and alt text. A metric not listed is spelled from its id. */
const METRIC_NAMES: Record<string, string> = {
  "deal-value": "Deal value",
  "annual-value": "Value per year",
  "expansion-value": "Expansion value",
  investment: "Investment",
  "funding-round": "Funding round",
  tranche: "Tranche",
  valuation: "Valuation",
  "market-value": "Market value",
  "share-price": "Share price",
  "share-move": "Share move",
  stake: "Stake",
  "share-count": "Shares",
  capacity: "Capacity",
  "build-rate": "Build rate",
  "chip-count": "Chip count",
  duration: "Duration",
  "cost-per-unit": "Cost per unit",
  "homes-equivalent": "Homes powered",
  revenue: "Revenue",
  backlog: "Backlog",
  debt: "Debt",
  equity: "Equity",
  spending: "Spending",
  sites: "Sites",
};

const UNIT_NAMES: Record<string, string> = { USD: "US dollars", GW: "gigawatts (GW)", MW: "gigawatts (GW)", percent: "percent", years: "years", months: "months" };

export const metricName = (metric: string): string => METRIC_NAMES[metric] ?? metric.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
export const unitName = (unit: string): string => UNIT_NAMES[unit] ?? unit;

/** Units drawn on one axis: megawatts join gigawatts; any other pair of units never shares an axis. */
export const axisUnit = (unit: string): string => (unit === "MW" ? "GW" : unit);
export const axisValue = (f: Pick<ChartFigure, "unit" | "value">): number => (f.unit === "MW" ? (f.value ?? 0) / 1000 : (f.value ?? 0));

/** Units a bar can show: numbers on a scale from zero. Dates and text are not charted. */
export const CHARTABLE = (f: ChartFigure): boolean => f.value !== null && Number.isFinite(f.value) && f.value > 0 && f.unit !== "date" && f.unit !== "text";

export const citeMarks = (sources: readonly number[]): string => sources.map((n) => `[${n}]`).join("");

/** The figure exactly as the reply writes it, followed by the reply's citation markers. */
export const figureLabel = (f: Pick<ChartFigure, "display" | "sources">): string => `${f.display} ${citeMarks(f.sources)}`.trim();

/** Axis ticks: $200B, 5 GW, 1.5M. */
export function tickLabel(value: number, unit: string): string {
  const compact = (v: number): string => {
    const abs = Math.abs(v);
    const [div, suffix] = abs >= 1e12 ? [1e12, "T"] : abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e4 ? [1e3, "k"] : [1, ""];
    return `${Number((v / div).toFixed(2))}${suffix}`;
  };
  if (unit === "USD") return `$${compact(value)}`;
  if (unit === "percent") return `${compact(value)}%`;
  if (unit === "GW") return `${compact(value)} GW`;
  return compact(value);
}

/** A deal's name for the alt text and narrow places: "OpenAI–Oracle" from "OpenAI–Oracle Stargate cloud…". */
export function shortName(title: string): string {
  const first = title.split(" ")[0] ?? title;
  return /[–-]/.test(first) && first.length >= 5 ? first : title;
}

/** A readable list for one sentence: "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
