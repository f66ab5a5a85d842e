import type { ChartSpec } from "./spec.js";
import { compareSvg } from "./svg-compare.js";
import { rankingSvg } from "./svg-ranking.js";
import { timelineSvg } from "./svg-timeline.js";
import { totalSvg } from "./svg-total.js";

/** The chart as an SVG document, laid out with the bundled font's metrics. */
export function chartSvg(spec: ChartSpec): { svg: string; width: number; height: number } {
  switch (spec.kind) {
    case "ranking":
      return rankingSvg(spec);
    case "compare":
      return compareSvg(spec);
    case "total":
      return totalSvg(spec);
    case "timeline":
      return timelineSvg(spec);
  }
}
