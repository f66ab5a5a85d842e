import type { DealCheck } from "./deal-checks.js";
import type { KnownFile, ScannedFile } from "./read-files.js";
import type { DealFile, Entity, Source } from "./schema.js";
import type { Deal, Fact, KnowledgeBase, LoadError, LoadedSource } from "./types.js";

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
  /** A knowledge base -> the one it was compared with and its linked copies (kept while it is in service). */
  readonly linked = new WeakMap<KnowledgeBase, Linked>();
  /** The last load's knowledge base and every id it made anew: needed once, to diff it with the one in service. */
  last: (Touched & { readonly kb: KnowledgeBase }) | undefined;
  /** A knowledge base -> the file records it was loaded from (see integrity-patch.ts). */
  readonly inputs = new WeakMap<KnowledgeBase, ReadonlyMap<string, FileRecord>>();
  /** The entity guards' errors (entity-checks.ts) under an entities token. */
  entityChecks: { readonly token: object; readonly errors: readonly LoadError[] } | undefined;
  /** The entities of the last load and a token that changes when any of them does. */
  entities: { readonly list: readonly Entity[]; readonly token: object } = { list: [], token: {} };
  /** A parsed source -> the same source with its text file's contents attached, kept while the text is the same. */
  readonly loadedSources = new WeakMap<Source, LoadedSource>();
  /** A parsed source -> its URL's comparison key and whether its host is blocked. */
  readonly urls = new WeakMap<Source, { readonly key: string; readonly blocked: boolean }>();
  /** A parsed deal file -> its deal and facts before links between deals are applied (frozen). */
  readonly assembled = new WeakMap<DealFile, { readonly file: string; readonly deal: Deal; readonly facts: readonly Fact[] }>();
}

/** The linked copies of a load (what the next load makes again even when no file changed), and what it was compared with. */
export interface Linked {
  readonly against: KnowledgeBase | undefined;
  readonly deals: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
}

/** Everything a load made: deals (and their facts) of changed files, and linked copies. */
export interface Touched {
  readonly deals: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
}

/**
 * The only deal and fact ids that can differ between `before` and `after` (ids in one only aside),
 * when `after` was loaded against `before` with this memo: every other entry is the same object in
 * both. Undefined when that is not known, and every id must be compared.
 */
export function candidateChanges(memo: IntegrityMemo, before: KnowledgeBase, after: KnowledgeBase): { deals: Set<string>; facts: Set<string> } | undefined {
  const now = memo.last;
  const then = memo.linked.get(before);
  if (!now || now.kb !== after || memo.linked.get(after)?.against !== before || !then) return undefined;
  // An id `before` got from a changed file holds that same object now unless this load made it again (so it is in `now`).
  return { deals: new Set([...now.deals, ...then.deals]), facts: new Set([...now.facts, ...then.facts]) };
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
  /** The knowledge base in service (set by its owner when it swaps one in), not merely the last one loaded. */
  previous: KnowledgeBase | undefined;

  /** `kb` is now in service: the next load compares with it, and the record of what its load made is no longer needed. */
  accept(kb: KnowledgeBase): void {
    this.previous = kb;
    this.memo.last = undefined;
  }

  /** Read and hash every file at the next load (a record is still used where the digest matches). */
  distrustStamps(): void {
    this.files = new Map([...this.files].map(([abs, r]) => [abs, { ...r, stamp: { ...r.stamp, readAt: 0 } }]));
  }

  /** The record a scan may trust by stamp: only files that loaded (a file with errors is read again to report them). */
  known(absolute: string): FileRecord | undefined {
    const r = this.files.get(absolute);
    return r && (r.valid !== undefined || r.text !== undefined) ? r : undefined;
  }
}
