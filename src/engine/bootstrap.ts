import { loadKnowledgeBase } from "../kb/load.js";
import { formatLoadError, type LoadError } from "../kb/types.js";
import { ReloadState } from "./reload-state.js";
import { buildIndex, type SearchIndex } from "./search-index.js";
import { warmIndex } from "./warm-index.js";

export class DataError extends Error {
  constructor(readonly errors: readonly LoadError[]) {
    super(`The knowledge base has ${errors.length} error${errors.length === 1 ? "" : "s"}:\n${errors.map((e) => `  ${formatLoadError(e)}`).join("\n")}`);
  }
}

/**
 * Load and index the data directory, or throw a DataError listing every problem. The index carries
 * what the load learnt (ReloadState), so the LiveIndex serving it reloads only what changes.
 */
export async function openIndex(dataDir: string): Promise<SearchIndex> {
  const reload = new ReloadState();
  const result = await loadKnowledgeBase(dataDir, reload.load);
  if (!result.ok) throw new DataError(result.errors);
  const index: SearchIndex = { ...(await buildIndex(result.kb, reload.index)), reload };
  reload.accept(result.kb);
  await warmIndex(index);
  return index;
}
