import type { KnowledgeBase } from "./types.js";

/**
 * Lock the knowledge base's maps and the base itself. Its objects are frozen as they are made
 * (integrity.ts), so a reload that reuses most of them does not walk them all again.
 */
export function lockKb(kb: KnowledgeBase): void {
  for (const map of [kb.entities, kb.sources, kb.deals, kb.facts, kb.disputes] as ReadonlyArray<ReadonlyMap<string, unknown>>) lockMap(map as Map<string, unknown>);
  Object.freeze(kb);
}

function lockMap(value: Map<string, unknown>): void {
  // A map shared with the knowledge base it was patched from is locked already.
  if (Object.isFrozen(value)) return;
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
