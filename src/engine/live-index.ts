import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { loadKnowledgeBase } from "../kb/load.js";
import type { Fact, LoadError } from "../kb/types.js";
import { TimeSlicer, withCheckpoint } from "../time-slicer.js";
import { buildIndex, type SearchIndex } from "./search-index.js";
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
 * The index in service. A reload loads and indexes off to the side, then swaps the reference in
 * one assignment: a question sees the old index or the new one, never half of either. Reloads
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

  constructor(initial: SearchIndex, private readonly dataDir: string, limits: Partial<ReloadLimits> = {}) {
    this.current = initial;
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

  /** `confirm` applies a reload even when it drops more facts than RELOAD_MAX_DROP_SHARE allows. */
  reload(options: { confirm?: boolean } = {}): Promise<ReloadReport> {
    const next = this.queue.then(() => this.reloadNow(options.confirm ?? false));
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

  private async reloadNow(confirm: boolean): Promise<ReloadReport> {
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
        const result = await loadKnowledgeBase(this.dataDir);
        if (!result.ok) return { ok: false, errors: result.errors, ms: performance.now() - started };
        const fresh = await buildIndex(result.kb);
        await warmIndex(fresh);
        const old = this.current;
        const diff = await diffFacts(old, fresh);
        const dropped = droppedFromKeptFiles(old, fresh, diff.removed);
        if (!confirm && dropped.length > this.limits.maxDropShare * diff.before.facts) {
          return { ok: false, held: true, errors: this.heldErrors(dropped, diff.before.facts, old), ms: performance.now() - started };
        }
        this.current = fresh;
        this.lastReloadAt = new Date();
        return { ok: true, ...diff, version: fresh.kb.version, ms: performance.now() - started };
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

/** Facts added, changed and removed between two indexes; yields as it goes, like the build. */
export async function diffFacts(old: SearchIndex, fresh: SearchIndex) {
  const slicer = new TimeSlicer();
  const before = old.kb.facts;
  const after = fresh.kb.facts;
  const same = (a: Fact, b: Fact) => JSON.stringify(a) === JSON.stringify(b);
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [id, f] of after) {
    await slicer.tick();
    const was = before.get(id);
    if (!was) added.push(id);
    else if (!same(was, f)) changed.push(id);
  }
  for (const id of before.keys()) {
    await slicer.tick();
    if (!after.has(id)) removed.push(id);
  }
  return {
    before: { deals: old.kb.deals.size, facts: before.size },
    after: { deals: fresh.kb.deals.size, facts: after.size },
    added,
    removed,
    changed,
  };
}
