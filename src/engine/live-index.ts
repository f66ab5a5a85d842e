import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { loadKnowledgeBase } from "../kb/load.js";
import { candidateChanges } from "../kb/load-state.js";
import type { Fact, LoadError } from "../kb/types.js";
import { TimeSlicer, withCheckpoint } from "../time-slicer.js";
import { type Changed, updateIndex } from "./index-update.js";
import { ReloadState } from "./reload-state.js";
import type { SearchIndex } from "./search-index.js";
import { warmIndex } from "./warm-index.js";

export interface ReloadCounts {
  readonly deals: number;
  readonly facts: number;
}

export type ReloadReport =
  | {
      readonly ok: true;
      readonly before: ReloadCounts;
      readonly after: ReloadCounts;
      readonly added: readonly string[];
      readonly changed: readonly string[];
      readonly removed: readonly string[];
      readonly version: string;
      readonly ms: number;
      /** "diff": applied to the index in service; "rebuild": a new index built aside. */
      readonly how?: "diff" | "rebuild";
    }
  /** `held`: the new data loaded but would drop too many facts; nothing was applied until confirmed. */
  | { readonly ok: false; readonly errors: readonly LoadError[]; readonly ms: number; readonly held?: boolean };

export interface ReloadLimits {
  /** A reload still running after this long is abandoned (RELOAD_TIMEOUT_SECONDS). */
  readonly timeoutMs: number;
  /** A reload that grows the heap by more than this is abandoned (RELOAD_MAX_MEMORY_MB). */
  readonly maxHeapGrowthBytes: number;
  /** Facts a reload may drop from files that are still there, as a share, before it waits for a confirm (RELOAD_MAX_DROP_SHARE). */
  readonly maxDropShare: number;
}

export const DEFAULT_RELOAD_LIMITS: ReloadLimits = { timeoutMs: 120_000, maxHeapGrowthBytes: 1024 * 1024 * 1024, maxDropShare: 0.2 };

class ReloadAbandoned extends Error {}

/**
 * The index in service. A reload loads only the files that changed and prepares the new index off
 * to the side (a small change as a diff of the old one, a large one built whole), then applies and
 * swaps it in one synchronous step: a question sees the old index or the new one, never half of
 * either. Reloads
 * queue behind each other and never throw: a failed, held or abandoned one leaves the old index
 * answering and the next one runs.
 */
export class LiveIndex {
  private current: SearchIndex;
  private queue: Promise<unknown> = Promise.resolve();
  private lastReloadAt: Date;
  private stopReason: string | undefined;
  private readonly limits: ReloadLimits;
  private readonly label: string;

  private readonly state: ReloadState;

  constructor(initial: SearchIndex, private readonly dataDir: string, limits: Partial<ReloadLimits> = {}) {
    this.current = initial;
    // An index built without its load state (tests, tools) gets a fresh one: its first reload loads everything.
    this.state = initial.reload ?? new ReloadState();
    this.lastReloadAt = initial.builtAt;
    this.limits = { ...DEFAULT_RELOAD_LIMITS, ...limits };
    this.label = path.basename(path.resolve(dataDir));
  }

  get(): SearchIndex {
    return this.current;
  }

  get reloadedAt(): Date {
    return this.lastReloadAt;
  }

  /**
   * `confirm` applies a reload even when it drops more facts than RELOAD_MAX_DROP_SHARE allows.
   * `rebuild` reads and hashes every file (parsing only those whose text changed) and builds the
   * index aside, as a first load would: for a directory changed behind the stamps' back, and the benchmark.
   */
  reload(options: { confirm?: boolean; rebuild?: boolean } = {}): Promise<ReloadReport> {
    const next = this.queue.then(() => this.reloadNow(options.confirm ?? false, options.rebuild ?? false));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Stop reloading: a running reload stops at its next checkpoint (a few ms) and later ones are
   * refused. Resolves once the queue has drained.
   */
  close(reason: string): Promise<void> {
    this.stopReason = reason;
    return this.queue.then(() => undefined);
  }

  private failure(message: string, started: number, held = false): ReloadReport {
    return { ok: false, errors: [{ file: this.label, path: "", message }], ms: performance.now() - started, ...(held ? { held } : {}) };
  }

  private async reloadNow(confirm: boolean, rebuild: boolean): Promise<ReloadReport> {
    const started = performance.now();
    if (this.stopReason !== undefined) return this.failure(`reload not started: ${this.stopReason}`, started);
    const heapAtStart = getHeapStatistics().used_heap_size;
    const { timeoutMs, maxHeapGrowthBytes } = this.limits;
    const check = () => {
      if (this.stopReason !== undefined) throw new ReloadAbandoned(this.stopReason);
      if (performance.now() - started > timeoutMs) throw new ReloadAbandoned(`it ran past its ${timeoutMs / 1000} s budget (RELOAD_TIMEOUT_SECONDS)`);
      if (getHeapStatistics().used_heap_size - heapAtStart > maxHeapGrowthBytes) {
        throw new ReloadAbandoned(`it used more than its ${Math.round(maxHeapGrowthBytes / 1048576)} MB memory budget (RELOAD_MAX_MEMORY_MB)`);
      }
    };
    try {
      return await withCheckpoint(check, async () => {
        if (rebuild) this.state.load.distrustStamps();
        const result = await loadKnowledgeBase(this.dataDir, this.state.load);
        if (!result.ok) return { ok: false, errors: result.errors, ms: performance.now() - started };
        const old = this.current;
        const prepared = await updateIndex(old, result.kb, this.state.index, candidateChanges(this.state.load.memo, old.kb, result.kb), rebuild);
        const fresh: SearchIndex = { ...prepared.index, reload: this.state };
        // Warmed before the swap, diff or not: the engine's per-index caches are keyed by the index
        // object, and warming after the swap let questions meet cold caches (measured at 100k facts:
        // answers of 290 ms and a 373 ms loop delay while the warming ran). A diff takes over the old
        // index's entries for every deal and fact it left alone, and warms only the changed ones.
        await warmIndex(fresh, prepared.stale && { old, stale: prepared.stale });
        const diff = await diffFacts(old, fresh, prepared.facts);
        const dropped = droppedFromKeptFiles(old, fresh, diff.removed);
        if (!confirm && dropped.length > this.limits.maxDropShare * diff.before.facts) {
          return { ok: false, held: true, errors: this.heldErrors(dropped, diff.before.facts, old), ms: performance.now() - started };
        }
        // One synchronous step: the search engines' diff, the swap, and the state that the next reload compares with.
        prepared.commit();
        this.current = fresh;
        this.state.accept(fresh.kb);
        this.lastReloadAt = new Date();
        return { ok: true, ...diff, version: fresh.kb.version, ms: performance.now() - started, how: prepared.how };
      });
    } catch (err) {
      if (err instanceof ReloadAbandoned) return this.failure(`reload abandoned because ${err.message}; nothing was applied`, started);
      return this.failure(`reload failed unexpectedly: ${err instanceof Error ? err.message.slice(0, 200) : "unknown error"}`, started);
    }
  }

  /** The report of a held reload: the summary, then the files losing the most facts, each named first. */
  private heldErrors(dropped: readonly Fact[], before: number, old: SearchIndex): LoadError[] {
    const share = Math.round((100 * dropped.length) / Math.max(1, before));
    const byFile = new Map<string, number>();
    for (const f of dropped) {
      const file = old.kb.deals.get(f.dealId)?.file ?? f.dealId;
      byFile.set(file, (byFile.get(file) ?? 0) + 1);
    }
    const files = [...byFile].sort((a, b) => b[1] - a[1]);
    return [
      {
        file: this.label,
        path: "",
        message:
          `would remove ${dropped.length} of ${before} facts (${share}%) from files that are still there, over the ` +
          `RELOAD_MAX_DROP_SHARE limit of ${Math.round(this.limits.maxDropShare * 100)}%; nothing was applied. ` +
          "If the files are complete, apply it with /admin reload confirm:true",
      },
      ...files.slice(0, 10).map(([file, n]) => ({ file, path: "", message: `${n} fact${n === 1 ? "" : "s"} would be removed` })),
    ];
  }
}

/** Removed facts whose deal is still in the new data: its file shrank rather than being deleted. */
function droppedFromKeptFiles(old: SearchIndex, fresh: SearchIndex, removed: readonly string[]): Fact[] {
  const out: Fact[] = [];
  for (const id of removed) {
    const fact = old.kb.facts.get(id);
    if (fact && fresh.kb.deals.has(fact.dealId)) out.push(fact);
  }
  return out;
}

/**
 * Facts added, changed and removed between two indexes, from the ids whose objects differ: loads
 * from one state keep an unchanged fact as the same object, so only those are compared by value.
 */
export async function diffFacts(old: SearchIndex, fresh: SearchIndex, keys: Changed) {
  const slicer = new TimeSlicer();
  const changed: string[] = [];
  for (const id of keys.changed) {
    if (JSON.stringify(old.kb.facts.get(id)) !== JSON.stringify(fresh.kb.facts.get(id))) changed.push(id);
    await slicer.tick();
  }
  return {
    before: { deals: old.kb.deals.size, facts: old.kb.facts.size },
    after: { deals: fresh.kb.deals.size, facts: fresh.kb.facts.size },
    added: [...keys.added],
    removed: [...keys.removed],
    changed,
  };
}
