import type { DealFile, Entity, FactInput, Party, Source } from "./schema.js";

export type { Entity, Party, Source };

/** A source as loaded: its full text is attached when the curator holds one. */
export interface LoadedSource extends Source {
  readonly fullText?: string;
}

export interface Fact extends FactInput {
  readonly dealId: string;
  /** Set when a later fact replaces this one. */
  readonly supersededBy?: string;
}

export interface Deal extends Omit<DealFile, "sources" | "facts"> {
  readonly factIds: readonly string[];
  readonly file: string;
  /** Deals that revise or supersede this one. */
  readonly revisedBy: readonly string[];
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
