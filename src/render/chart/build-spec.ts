import type { ChartKb } from "./chart-kb.js";
import { compareSpec, rankingSpec } from "./build-bars.js";
import { timelineSpec, totalSpec } from "./build-other.js";
import type { ChartAnswer, ChartSpec } from "./spec.js";

/** The longest alt text Discord accepts in an attachment's description. */
export const MAX_ALT = 1024;

const all = (answer: ChartAnswer) => answer.figures.map((_, i) => i);
/** The figures that are the answer, when the engine marks them; every figure otherwise. */
const answerFigures = (answer: ChartAnswer) => (answer.primary && answer.primary.length > 0 ? answer.primary : all(answer));

/**
 * The chart for an answer, or undefined when a chart would add nothing (one figure, no numbers).
 * Comparisons, rankings, totals and lists of a company's deals get one; a single figure only
 * when its sources differ, drawn as a range.
 */
export function chartSpecFor(answer: ChartAnswer, kb: ChartKb, options: { subject?: string } = {}): ChartSpec | undefined {
  const spec = build(answer, kb, options.subject);
  if (!spec) return undefined;
  return spec.alt.length <= MAX_ALT ? spec : { ...spec, alt: `${spec.alt.slice(0, MAX_ALT - 1)}…` };
}

function build(answer: ChartAnswer, kb: ChartKb, subject: string | undefined): ChartSpec | undefined {
  switch (answer.kind) {
    case "compare":
      return compareSpec(answer, kb, all(answer));
    case "ranking":
    case "rank":
      return rankingSpec(answer, kb, answerFigures(answer));
    case "total":
      return totalSpec(answer, kb, all(answer));
    case "list":
      return timelineSpec(answer, kb, all(answer), subject);
    case "figure":
      return rankingSpec(answer, kb, all(answer), true);
    default:
      return undefined;
  }
}
