import type { DealCheck } from "./deal-checks.js";
import type { KnownFile, ScannedFile } from "./read-files.js";
import type { DealFile, Entity, Source } from "./schema.js";
import type { Deal, Fact, KnowledgeBase, LoadedSource } from "./types.js";

/** A data file after parsing and validation. */
export type ValidFile = { kind: "entities"; entities: Entity[] } | { kind: "sources"; sources: Source[] } | { kind: "deal"; deal: DealFile };

/** What a load keeps of a file: its stamp and digest, and what it held (the parsed data, or a .txt file's text). */
export interface FileRecord extends KnownFile {
  readonly kind: ScannedFile["kind"];
  readonly valid?: ValidFile;
  readonly text?: string;
}

/**
 * Results of the costly per-object checks and assemblies, keyed by the parsed objects they were
 * computed from: a reload reuses the parsed objects of unchanged files (LoadState.files), so only
 * what an edit touched is computed again. Weak keys: an object no file holds any more is forgotten.
 */
export class IntegrityMemo {
  /** A parsed fact -> the problem of its quote with its figure or hedge, or null (a pure function of the fact). */
  readonly quoteProblems = new WeakMap<object, string | null>();
  /** A parsed deal file -> its own checks as last run (see deal-checks.ts). */
  readonly dealChecks = new WeakMap<DealFile, DealCheck>();
  /** The entities of the last load and a token that changes when any of them does. */
  entities: { readonly list: readonly Entity[]; readonly token: object } = { list: [], token: {} };
  /** A parsed source -> the same source with its text file's contents attached, kept while the text is the same. */
  readonly loadedSources = new WeakMap<Source, LoadedSource>();
  /** A parsed source -> its URL's host, comparison key and whether the host is blocked. */
  readonly urls = new WeakMap<Source, { readonly host: string; readonly key: string; readonly blocked: boolean }>();
  /** A parsed deal file -> its deal and facts before links between deals are applied (frozen). */
  readonly assembled = new WeakMap<DealFile, { readonly file: string; readonly deal: Deal; readonly facts: readonly Fact[] }>();
}

/**
 * What one load leaves for the next: every file's stamp, digest and parsed contents, the memo of
 * checks, and the knowledge base it produced (a reload reuses its objects when they come out
 * equal, so an unchanged fact stays the same object and a diff is a comparison of references).
 * Owned by one caller (LiveIndex) and passed in; never shared between data directories.
 */
export class LoadState {
  files: ReadonlyMap<string, FileRecord> = new Map();
  readonly memo = new IntegrityMemo();
  previous: KnowledgeBase | undefined;

  /** The record a scan may trust by stamp: only files that loaded (a file with errors is read again to report them). */
  known(absolute: string): FileRecord | undefined {
    const r = this.files.get(absolute);
    return r && (r.valid !== undefined || r.text !== undefined) ? r : undefined;
  }
}
