import type { PrecisionDate } from "./precision-date.js";
import type { DealFile, Entity, FactInput, Party, Source } from "./schema.js";

export type { Entity, Party, PrecisionDate, Source };

/** A source as loaded: its full text is attached when the curator holds one. */
export interface LoadedSource extends Source {
  readonly fullText?: string;
}

export interface Fact extends Omit<FactInput, "overlaps"> {
  readonly dealId: string;
  /**
   * Set when the figure is no longer current: the id of the fact that replaces it (fact `supersedes`),
   * or, when its whole deal was superseded, the id of the first fact of the superseding deal.
   */
  readonly supersededBy?: string;
  /** Set when the fact's deal was superseded by another deal: that deal's id. */
  readonly supersededByDeal?: string;
  /** Facts that may count the same money or capacity, in both directions: totals never add both. */
  readonly overlaps: readonly string[];
}

export interface Deal extends Omit<DealFile, "sources" | "facts"> {
  readonly factIds: readonly string[];
  readonly file: string;
  /** Deals that revise or supersede this one. */
  readonly revisedBy: readonly string[];
  /** Deals that supersede this one outright. */
  readonly supersededBy: readonly string[];
}

export interface KnowledgeBase {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly sources: ReadonlyMap<string, LoadedSource>;
  readonly deals: ReadonlyMap<string, Deal>;
  readonly facts: ReadonlyMap<string, Fact>;
  /** Dispute group id -> the ids of its rival facts. */
  readonly disputes: ReadonlyMap<string, readonly string[]>;
  /** A short content hash: the same files give the same version. */
  readonly version: string;
  readonly loadedAt: Date;
}

export interface LoadError {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase }
  | { readonly ok: false; readonly errors: readonly LoadError[] };

export function formatLoadError(e: LoadError): string {
  return `${e.file}${e.path ? `: ${e.path}` : ""}: ${e.message}`;
}
