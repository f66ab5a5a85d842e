import type { DealPart } from "./index-parts.js";

/**
 * The derived maps that are costly to gather again (names, words) updated for the deals that
 * changed, copy-on-write: the old index's maps are copied and never modified, and each key a
 * changed deal touches gets its members again in the order a first build gives them.
 */
export interface PartsChange {
  /** Deals added, removed or changed (their deal or any of their facts), with their parts before and after. */
  readonly before: ReadonlyMap<string, DealPart | undefined>;
  readonly after: ReadonlyMap<string, DealPart | undefined>;
  /** Part of any deal of the new knowledge base. */
  readonly partOf: (dealId: string) => DealPart | undefined;
  /** Positions in the new index's deal order (newest first) and in the knowledge base's deal order. */
  readonly sortedIndex: ReadonlyMap<string, number>;
  readonly canonicalIndex: ReadonlyMap<string, number>;
  /** Every deal keeps its place in both orders (a patch, see derive-patch.ts). */
  readonly stable?: boolean;
}

/**
 * Proper nouns -> deals. A first build adds the names of titles and summaries over the deals newest
 * first, then the names of quotes over the deals in knowledge-base order; members keep that order.
 */
export async function updateProperNouns(old: ReadonlyMap<string, ReadonlySet<string>>, change: PartsChange, tick: () => Promise<void> | undefined): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const keys = new Set<string>();
  for (const parts of [change.before, change.after]) {
    for (const p of parts.values()) for (const n of [...(p?.names ?? []), ...(p?.quoteNames ?? [])]) keys.add(n);
  }
  const late = change.sortedIndex.size;
  // With every deal in its place, a name whose edited deals hold it as before (and for the same
  // reason: title or quote) keeps its members in the same order: the old set stays.
  const kept = (key: string) =>
    change.stable === true &&
    [...change.after.keys()].every((id) => {
      const was = change.before.get(id);
      const now = change.after.get(id);
      const wasIn = was !== undefined && (was.names.includes(key) || was.quoteNames.includes(key));
      const nowIn = now !== undefined && (now.names.includes(key) || now.quoteNames.includes(key));
      return wasIn === nowIn && (!nowIn || was!.names.includes(key) === now!.names.includes(key));
    });
  const changing = [...keys].filter((key) => !kept(key));
  if (changing.length === 0) return old;
  const out = await copySliced(old, tick);
  for (const key of changing) {
    const members = [...(old.get(key) ?? [])].filter((id) => !change.after.has(id) && !change.before.has(id));
    for (const [id, p] of change.after) if (p && (p.names.includes(key) || p.quoteNames.includes(key))) members.push(id);
    // A name shared by thousands of deals ("OpenAI"): each member ranked once, not at every comparison (that took 300 ms at 100k facts).
    const ranked = members.map((id) => ({ id, rank: change.partOf(id)?.names.includes(key) ? (change.sortedIndex.get(id) ?? 0) : late + (change.canonicalIndex.get(id) ?? 0) }));
    ranked.sort((a, b) => a.rank - b.rank);
    if (ranked.length === 0) out.delete(key);
    else out.set(key, new Set(ranked.map((r) => r.id)));
    await tick();
  }
  return out;
}

/** Word -> how many deals use it: the old counts less the changed deals' old words, plus their new ones. */
export async function updateWordDeals(old: ReadonlyMap<string, number>, change: PartsChange, tick: () => Promise<void> | undefined): Promise<ReadonlyMap<string, number>> {
  const words = (parts: ReadonlyMap<string, DealPart | undefined>) => [...parts.values()].map((p) => (p?.words ?? []).join("\0"));
  // The same words for every edited deal: the same counts.
  if (change.stable === true && words(change.before).join("\n") === words(change.after).join("\n")) return old;
  const out = await copySliced(old, tick);
  for (const p of change.before.values()) {
    for (const w of p?.words ?? []) {
      const n = (out.get(w) ?? 0) - 1;
      if (n > 0) out.set(w, n);
      else out.delete(w);
    }
  }
  for (const p of change.after.values()) for (const w of p?.words ?? []) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/**
 * The words the data uses: proper nouns, deal words and entity words. A word a changed deal used
 * before stays while any of the three still holds it.
 */
export async function updateDataWords(
  old: ReadonlySet<string>,
  change: PartsChange,
  properNouns: ReadonlyMap<string, unknown>,
  wordDeals: ReadonlyMap<string, number>,
  entityWords: ReadonlySet<string>,
  tick: () => Promise<void> | undefined,
): Promise<ReadonlySet<string>> {
  const all = (p: DealPart | undefined) => [...(p?.words ?? []), ...(p?.names ?? []), ...(p?.quoteNames ?? [])];
  // Nothing an edited deal used leaves, and nothing new comes: the old set.
  if ([...change.before.values()].every((p) => all(p).every((w) => properNouns.has(w) || wordDeals.has(w) || entityWords.has(w))) && [...change.after.values()].every((p) => all(p).every((w) => old.has(w)))) return old;
  const out = new Set<string>();
  let n = 0;
  for (const w of old) {
    out.add(w);
    if (++n % 4096 === 0) await tick();
  }
  for (const p of change.before.values()) {
    for (const w of [...(p?.words ?? []), ...(p?.names ?? []), ...(p?.quoteNames ?? [])]) {
      if (!properNouns.has(w) && !wordDeals.has(w) && !entityWords.has(w)) out.delete(w);
    }
  }
  for (const p of change.after.values()) for (const w of [...(p?.words ?? []), ...(p?.names ?? []), ...(p?.quoteNames ?? [])]) out.add(w);
  return out;
}

/** A copy of a map made in slices of 4,096 entries (a 50k-entry copy in one step stalled the event loop for 10-30 ms). */
async function copySliced<K, V>(map: ReadonlyMap<K, V>, tick: () => Promise<void> | undefined): Promise<Map<K, V>> {
  const out = new Map<K, V>();
  let n = 0;
  for (const [k, v] of map) {
    out.set(k, v);
    if (++n % 4096 === 0) await tick();
  }
  return out;
}
