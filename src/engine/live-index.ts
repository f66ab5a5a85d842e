import { loadKnowledgeBase } from "../kb/load.js";
import type { Fact, LoadError } from "../kb/types.js";
import { TimeSlicer } from "../time-slicer.js";
import { buildIndex, type SearchIndex } from "./search-index.js";

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
  | { readonly ok: false; readonly errors: readonly LoadError[]; readonly ms: number };

/**
 * The index in service. A reload loads and indexes off to the side, then swaps the reference in
 * one assignment: a question sees the old index or the new one, never half of either. Reloads
 * queue behind each other, and a failed one leaves the old index answering.
 */
export class LiveIndex {
  private current: SearchIndex;
  private queue: Promise<unknown> = Promise.resolve();
  private lastReloadAt: Date;

  constructor(initial: SearchIndex, private readonly dataDir: string) {
    this.current = initial;
    this.lastReloadAt = initial.builtAt;
  }

  get(): SearchIndex {
    return this.current;
  }

  get reloadedAt(): Date {
    return this.lastReloadAt;
  }

  reload(): Promise<ReloadReport> {
    const next = this.queue.then(() => this.reloadNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async reloadNow(): Promise<ReloadReport> {
    const started = performance.now();
    const result = await loadKnowledgeBase(this.dataDir);
    if (!result.ok) return { ok: false, errors: result.errors, ms: performance.now() - started };
    const fresh = await buildIndex(result.kb);
    const old = this.current;
    this.current = fresh;
    this.lastReloadAt = new Date();
    return { ok: true, ...(await diffFacts(old, fresh)), version: fresh.kb.version, ms: performance.now() - started };
  }
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
