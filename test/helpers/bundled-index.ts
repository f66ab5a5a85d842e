import { openIndex } from "../../src/engine/bootstrap.js";
import type { SearchIndex } from "../../src/engine/search-index.js";

let cached: Promise<SearchIndex> | undefined;

/** The index over the bundled data, built once per test file. */
export function bundledIndex(): Promise<SearchIndex> {
  cached ??= openIndex("data");
  return cached;
}
