import os from "node:os";
import path from "node:path";
import { loaderCodeVersion } from "../kb/code-version.js";
import { cacheFileFor, readKbCache, seedLoadState, writeKbCache } from "../kb/kb-cache.js";
import { loadKnowledgeBase } from "../kb/load.js";
import type { FileRecord } from "../kb/load-state.js";
import { formatLoadError, type LoadError } from "../kb/types.js";
import { ReloadState } from "./reload-state.js";
import { buildIndex, type SearchIndex } from "./search-index.js";
import { warmIndex } from "./warm-index.js";

export class DataError extends Error {
  constructor(readonly errors: readonly LoadError[]) {
    super(`The knowledge base has ${errors.length} error${errors.length === 1 ? "" : "s"}:\n${errors.map((e) => `  ${formatLoadError(e)}`).join("\n")}`);
  }
}

export interface OpenOptions {
  /**
   * Where the validated, parsed knowledge base is cached between starts (see kb-cache.ts); false:
   * no cache. Callers pass cacheDirFor(config.KB_CACHE_DIR); the default is dealdesk-cache in the
   * system's temporary directory.
   */
  readonly cacheDir?: string | false;
  /** Told whether the cache was used, and why not. */
  readonly log?: (message: string) => void;
}

/** The cache folder for a KB_CACHE_DIR setting: "off" for none, empty for the system's temporary folder. */
export function cacheDirFor(setting: string | undefined): string | false {
  if (setting === "off") return false;
  return setting !== undefined && setting !== "" ? setting : path.join(os.tmpdir(), "dealdesk-cache");
}

/**
 * Load and index the data directory, or throw a DataError listing every problem. The index carries
 * what the load learnt (ReloadState), so the LiveIndex serving it reloads only what changes. Files
 * whose text is as cached are neither parsed nor validated again.
 */
export async function openIndex(dataDir: string, options: OpenOptions = {}): Promise<SearchIndex> {
  const reload = new ReloadState();
  const cacheDir = options.cacheDir ?? cacheDirFor(undefined);
  const cache = cacheDir === false ? undefined : { file: await cacheFileFor(cacheDir, dataDir), version: await loaderCodeVersion() };
  let cached: ReadonlyMap<string, FileRecord> | undefined;
  if (cache) {
    const read = await readKbCache(cache.file, cache.version);
    if (read.ok) seedLoadState(reload.load, (cached = read.records));
    options.log?.(read.ok ? `cache: read ${read.records.size} files from ${cache.file}` : `cache: not used (${read.reason}); it will be rebuilt`);
  }
  const result = await loadKnowledgeBase(dataDir, reload.load);
  if (!result.ok) throw new DataError(result.errors);
  const index: SearchIndex = { ...(await buildIndex(result.kb, reload.index)), reload };
  reload.accept(result.kb);
  await warmIndex(index);
  if (cache && !sameDigests(cached, reload.load.files)) {
    await writeKbCache(cache.file, cache.version, reload.load.files).then(
      () => options.log?.(`cache: wrote ${cache.file}`),
      (err: unknown) => options.log?.(`cache: not written (${err instanceof Error ? err.message : String(err)})`),
    );
  }
  return index;
}

function sameDigests(a: ReadonlyMap<string, FileRecord> | undefined, b: ReadonlyMap<string, FileRecord>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [k, r] of b) if (a.get(k)?.digest !== r.digest) return false;
  return true;
}
