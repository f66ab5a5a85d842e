import type { Fact, KnowledgeBase, PrecisionDate } from "../kb/types.js";
import type { Metric, Qualifier, Tier, Unit } from "../kb/vocabulary.js";
import { formatFact, formatValue } from "./format.js";

/** A piece of a reply line: plain text, a figure (rendered bold on Discord) or citation markers. */
export type Part = string | { readonly figure: number } | { readonly cite: readonly number[] };

export interface AnswerFigure {
  readonly factId: string | null;
  readonly dealId: string | null;
  readonly metric: Metric;
  readonly value: number | null;
  readonly unit: Unit;
  readonly qualifier: Qualifier;
  readonly display: string;
  readonly sources: readonly number[];
  /** For computed figures (totals): the facts they were computed from. */
  readonly computedFrom?: readonly string[];
}

export interface AnswerSource {
  readonly n: number;
  readonly id: string;
  /** The page's title, only when the data records one (it is never made up). */
  readonly title: string | null;
  readonly publisher: string;
  readonly url: string | null;
  /** The page's date, only when the data records one, at its precision. */
  readonly published: PrecisionDate | null;
  readonly tier: Tier;
  readonly quote: string;
}

/**
 * What the reply does with the question: answers it with a cited figure or list, declines (the
 * data does not hold it), corrects a false premise, or refuses (advice, predictions, injections).
 */
export type Outcome = "answered" | "declined" | "corrected" | "refused" | "help";

export type AnswerKindLabel = string;

/** The structured answer. Renderers (plain text, Discord embeds) turn it into output. */
export interface Answer {
  readonly question: string;
  /** Same as outcome === "answered". */
  readonly answered: boolean;
  readonly outcome: Outcome;
  readonly kind: AnswerKindLabel;
  /** Indices into figures of the figures that ARE the answer; other figures are context or offers. */
  readonly primary: readonly number[];
  readonly lines: ReadonlyArray<readonly Part[]>;
  readonly figures: readonly AnswerFigure[];
  readonly sources: readonly AnswerSource[];
  /** Deal titles the bot does know, offered when it cannot answer. */
  readonly suggestions: readonly string[];
}

/** Collects lines, figures and numbered citations while a reply is composed. */
export class ReplyBuilder {
  readonly lines: Part[][] = [];
  readonly figures: AnswerFigure[] = [];
  readonly sources: AnswerSource[] = [];
  readonly primary: number[] = [];
  private readonly citeKeys = new Map<string, number>();
  private readonly figureKeys = new Map<string, number>();

  constructor(private readonly kb: KnowledgeBase) {}

  /** The citation number for a fact's source and quote, allocated on first use. */
  cite(fact: Fact): number {
    return this.citeText(fact.source, fact.quote);
  }

  /** The citation number for words the source's page itself shows (a quote, an excerpt or its headline). */
  citeText(sourceId: string, quote: string): number {
    const key = `${sourceId}\0${quote}`;
    const existing = this.citeKeys.get(key);
    if (existing !== undefined) return existing;
    const s = this.kb.sources.get(sourceId);
    const n = this.sources.length + 1;
    this.sources.push({
      n,
      id: sourceId,
      title: s?.title ?? null,
      publisher: s?.publisher ?? "unknown publisher",
      url: s?.url ?? null,
      published: s?.published ?? null,
      tier: s?.tier ?? "C",
      quote,
    });
    this.citeKeys.set(key, n);
    return n;
  }

  /** A figure part plus its citation marker; facts with the same reading share one figure. */
  figure(facts: readonly Fact[]): Part[] {
    const first = facts[0];
    if (!first) return [];
    const cites = [...new Set(facts.map((f) => this.cite(f)))];
    const key = first.id;
    let idx = this.figureKeys.get(key);
    if (idx === undefined) {
      idx = this.figures.length;
      this.figures.push({
        factId: first.id,
        dealId: first.dealId,
        metric: first.metric,
        value: first.value ?? null,
        unit: first.unit,
        qualifier: first.qualifier,
        display: formatFact(first),
        sources: cites,
      });
      this.figureKeys.set(key, idx);
    }
    return [{ figure: idx }, { cite: cites }];
  }

  /** A figure computed from cited facts (a total), labelled as computed in the text. */
  computed(metric: Metric, value: number, unit: Unit, from: readonly Fact[], qualifier: Qualifier = "none"): Part[] {
    const cites = [...new Set(from.map((f) => this.cite(f)))];
    const idx = this.figures.length;
    const display = `${qualifier === "none" ? "" : `${qualifier} `}${formatValue(value, unit)}`;
    this.figures.push({ factId: null, dealId: null, metric, value, unit, qualifier, display, sources: cites, computedFrom: from.map((f) => f.id) });
    return [{ figure: idx }];
  }

  /** A date that is not itself a fact (a deal's announcement), cited to the fact that reports it. */
  dated(metric: Metric, display: string, dealId: string, evidence: Fact): Part[] {
    const n = this.cite(evidence);
    const idx = this.figures.length;
    this.figures.push({ factId: null, dealId, metric, value: null, unit: "date", qualifier: "none", display, sources: [n] });
    return [{ figure: idx }, { cite: [n] }];
  }

  line(...parts: Array<Part | Part[]>): void {
    const flat = parts.flat();
    // A note said once is enough ("reported by the press…" after each of two figures of one deal).
    if (flat.every((p) => typeof p === "string") && this.lines.some((l) => l.length === flat.length && l.every((p, i) => p === flat[i]))) return;
    this.lines.push(flat);
  }

  /** Mark the figure parts just made as the answer itself. */
  answer(parts: readonly Part[]): Part[] {
    for (const p of parts) if (typeof p === "object" && "figure" in p && !this.primary.includes(p.figure)) this.primary.push(p.figure);
    return [...parts];
  }

  build(question: string, outcome: Outcome, kind: AnswerKindLabel, suggestions: readonly string[] = []): Answer {
    return { question, answered: outcome === "answered", outcome, kind, primary: this.primary, lines: this.lines, figures: this.figures, sources: this.sources, suggestions };
  }
}

