import type MiniSearch from "minisearch";
import type { TimeSlicer } from "../time-slicer.js";

/**
 * Adding documents to a new MiniSearch index in time slices, with its per-document maps grown one
 * at a time.
 *
 * MiniSearch keeps three maps with one entry per document (`_idToShortId`, `_documentIds`,
 * `_fieldLength`). V8 grows a map by doubling it when its entries plus its deleted entries fill it,
 * rehashing every entry in one step: past 65,536 entries that step takes 12–15 ms per map on this
 * machine, and all three grow on the same document, so adding the 65,536th fact blocked the event
 * loop for 40–90 ms in a full reload at 100k facts. So just before a map would grow (from
 * `growFrom` entries on), it is made to grow on its own, with a slice boundary after it, by adding
 * a key no document can have and deleting it at once. The deleted entry stays in the grown map
 * until its next growth and counts towards it, so that map is full one document earlier from then
 * on. V8 does not shrink a map that is more than a quarter full, and a deleted entry leaves nothing
 * in iteration, so the index is exactly what plain `addAll` makes (a test compares their JSON).
 */
const PER_DOCUMENT_MAPS = ["_idToShortId", "_documentIds", "_fieldLength"] as const;
const NO_DOCUMENT_ID = Symbol("no document");
const NO_SHORT_ID = -1;

/** Add `docs` to `search`, which must be new (nothing ever removed from it). */
export async function addSliced<T>(search: MiniSearch<T>, docs: readonly T[], slicer: TimeSlicer, growFrom = 1 << 15): Promise<void> {
  const fields = search as unknown as Record<string, unknown>;
  const maps = PER_DOCUMENT_MAPS.map((name) => ({ name, map: fields[name], deleted: 0 })).filter((m): m is { name: (typeof PER_DOCUMENT_MAPS)[number]; map: Map<unknown, unknown>; deleted: number } => m.map instanceof Map);
  let i = 0;
  while (i < docs.length) {
    let end = Math.min(docs.length, i + 100);
    for (const m of maps) {
      const used = m.map.size + m.deleted;
      if (used >= growFrom && isPowerOfTwo(used)) {
        const key = m.name === "_idToShortId" ? NO_DOCUMENT_ID : NO_SHORT_ID;
        m.map.set(key, undefined);
        m.map.delete(key);
        m.deleted = 1; // the growth dropped any earlier deleted entry; this one stays
        await slicer.tick();
      }
      // End the chunk where this map will be full, so the check above sees it.
      const full = nextPowerOfTwo(used) - m.deleted;
      const left = full - m.map.size;
      if (full >= growFrom && left > 0) end = Math.min(end, i + left);
    }
    search.addAll(docs.slice(i, end));
    i = end;
    await slicer.tick();
  }
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p <= n) p *= 2;
  return p;
}
