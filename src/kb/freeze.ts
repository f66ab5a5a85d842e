import type { TimeSlicer } from "../time-slicer.js";
import type { KnowledgeBase } from "./types.js";

/**
 * Freeze everything in the knowledge base, a few thousand objects at a time. Objects already
 * frozen (reused from the previous load) are skipped, so a reload freezes only what it created.
 */
export async function deepFreezeKb(kb: KnowledgeBase, slicer: TimeSlicer): Promise<void> {
  for (const map of [kb.entities, kb.sources, kb.deals, kb.facts, kb.disputes] as ReadonlyArray<ReadonlyMap<string, unknown>>) {
    let n = 0;
    for (const v of map.values()) {
      deepFreeze(v);
      if (++n % 256 === 0) await slicer.tick();
    }
    lockMap(map as Map<string, unknown>);
  }
  Object.freeze(kb);
}

function lockMap(value: Map<string, unknown>): void {
  // A frozen Map can still be mutated through set(); block the mutators.
  for (const m of ["set", "delete", "clear"] as const) {
    Object.defineProperty(value, m, { value: () => { throw new TypeError("knowledge base is read-only"); } });
  }
  Object.freeze(value);
}

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    lockMap(value as Map<string, unknown>);
  } else if (!(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return Object.freeze(value);
}
