import type { Deal } from "../kb/types.js";
import { TimeSlicer } from "../time-slicer.js";
import { warmHeadlines } from "./compose/collections.js";
import { carryRanking, warmRanking } from "./compose/ranking.js";
import { carryCaches, type StaleIds } from "./index-caches.js";
import { carryTitledDeals, warmRetrieval, warmTitledDeals } from "./retrieve/deal-titles.js";
import type { SearchIndex } from "./search-index.js";

/** The index a diff was made from, and what differs: its caches' other entries serve the new index as they are. */
export interface CarryFrom {
  readonly old: SearchIndex;
  readonly stale: StaleIds;
}

/**
 * Fill the engine's per-deal caches for a freshly built index, in time slices, before it is
 * swapped in. Left lazy, the first questions after a reload built them for thousands of deals at
 * once: at 100k facts one answer took 283 ms and stalled the gateway. The words of every fact
 * (deal-words.ts) stay lazy: warming them took 3 s and a large share of the heap at 100k facts.
 * An index made as a diff first takes over the old index's entries for what did not change
 * (index-caches.ts), including the lazily filled word caches, so only the changed deals are computed.
 */
export async function warmIndex(index: SearchIndex, from?: CarryFrom): Promise<void> {
  const slicer = new TimeSlicer();
  const tick = () => slicer.tick();
  if (from) {
    await carryCaches(from.old, index, from.stale, tick);
    await index.factWords.carry(from.old.factWords, from.stale.facts, tick);
    carryTitledDeals(from.old, index);
    await carryRanking(from.old, index, from.stale.deals, tick);
  }
  // The whole-index caches first: a question needing one of them cold builds it for every deal at
  // once, while a per-deal cache costs a question only its few candidate deals.
  await warmTitledDeals(index, tick);
  await warmRanking(index, tick);
  // The old index was warmed before it served, so after a carry only the stale deals are missing.
  for (const deal of from ? staleDeals(index, from.stale.deals) : index.kb.deals.values()) {
    await slicer.tick();
    warmRetrieval(index, deal);
    warmHeadlines(index, deal);
  }
}

function staleDeals(index: SearchIndex, ids: ReadonlySet<string>): Deal[] {
  return [...ids].map((id) => index.kb.deals.get(id)).filter((d): d is Deal => d !== undefined);
}
