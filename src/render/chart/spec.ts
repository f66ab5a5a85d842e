/**
 * ChartSpec: what a chart shows, decided from the engine's Answer. Plain data (it crosses to the
 * render worker by structured clone); every label is a cited figure's display plus its [n] markers.
 */

/** The slice of the engine's Answer a chart reads. The engine's Answer is assignable to it. */
export interface ChartFigure {
  readonly factId: string | null;
  readonly dealId: string | null;
  readonly metric: string;
  readonly value: number | null;
  readonly unit: string;
  readonly qualifier: string;
  readonly display: string;
  readonly sources: readonly number[];
  readonly computedFrom?: readonly string[];
}

export interface ChartAnswer {
  readonly question: string;
  readonly kind: string;
  readonly figures: readonly ChartFigure[];
  /** Indices of the figures that are the answer, when the engine provides them. */
  readonly primary?: readonly number[];
}

export interface Bar {
  /** Indices into the Answer's figures that this bar draws (two for a disputed range). */
  readonly figures: readonly number[];
  /** The deal's full title, or the metric when the figure has no deal. */
  readonly name: string;
  /** The value the bar reaches, in the panel's unit (MW are drawn as GW). */
  readonly value: number;
  /** Set for a disputed figure: the bar is a range from `low` to `value`. */
  readonly low?: number;
  /** The figure as written in the reply, with its [n]: "up to $24 billion [1]". */
  readonly label: string;
  /** The low end's label, for a range. */
  readonly lowLabel?: string;
  /** Extra words after the label: "funding round", "superseded". */
  readonly note?: string;
  readonly superseded: boolean;
  /** Colour: one per deal in a comparison. */
  readonly series: number;
}

export interface Panel {
  readonly unit: string;
  /** Metric and unit: "Deal value, US dollars". */
  readonly title: string;
  readonly bars: readonly Bar[];
}

export interface BarsSpec {
  readonly kind: "compare" | "ranking";
  readonly title: string;
  /** Deals and their colours (comparisons). */
  readonly legend: ReadonlyArray<{ readonly series: number; readonly name: string }>;
  readonly panels: readonly Panel[];
  readonly notes: readonly string[];
  readonly alt: string;
}

export interface StackPart {
  readonly figure: number;
  readonly name: string;
  readonly value: number;
  readonly label: string;
  readonly series: number;
}

export interface TotalSpec {
  readonly kind: "total";
  readonly title: string;
  readonly unit: string;
  readonly total: { readonly figure: number; readonly value: number; readonly label: string };
  readonly parts: readonly StackPart[];
  readonly notes: readonly string[];
  readonly alt: string;
}

export interface TimelineEvent {
  readonly dealId: string;
  readonly name: string;
  /** The deal's announcement date as recorded in the knowledge base, at its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly date: string;
  /** The deal's headline figure in the reply, with its [n]; absent when the reply gives none. */
  readonly figure?: number;
  readonly label?: string;
  /** Dollar value, drawn as the dot's area; absent for figures in other units. */
  readonly dollars?: number;
}

export interface TimelineSpec {
  readonly kind: "timeline";
  readonly title: string;
  readonly events: readonly TimelineEvent[];
  readonly notes: readonly string[];
  readonly alt: string;
}

export type ChartSpec = BarsSpec | TotalSpec | TimelineSpec;
