import { TimeSlicer } from "../time-slicer.js";
import { warmHeadlines } from "./compose/collections.js";
import { warmRanking } from "./compose/ranking.js";
import { warmRetrieval, warmTitledDeals } from "./retrieve/candidates.js";
import type { SearchIndex } from "./search-index.js";

/**
 * Fill the engine's per-deal caches for a freshly built index, in time slices, before it is
 * swapped in. Left lazy, the first questions after a reload built them for thousands of deals at
 * once: at 100k facts one answer took 283 ms and stalled the gateway. The words of every fact
 * (deal-words.ts) stay lazy: warming them took 3 s and a large share of the heap at 100k facts.
 */
export async function warmIndex(index: SearchIndex): Promise<void> {
  const slicer = new TimeSlicer();
  // The whole-index caches first: a question needing one of them cold builds it for every deal at
  // once, while a per-deal cache costs a question only its few candidate deals.
  warmTitledDeals(index);
  await warmRanking(index, () => slicer.tick());
  for (const deal of index.kb.deals.values()) {
    await slicer.tick();
    warmRetrieval(index, deal);
    warmHeadlines(index, deal);
  }
}
