import { type FSWatcher, watch } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { MAX_ENTRIES } from "./kb/read-files.js";
import type { Logger } from "./logger.js";

export interface WatchOptions {
  /** Quiet time after the last change event before the files are checked. */
  readonly debounceMs: number;
  /** Interval of the stability polls (DATA_WATCH_POLL_MS). */
  readonly pollMs: number;
  readonly logger: Logger;
}

const isDataName = (name: string) => /\.(ya?ml|txt)$/i.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith("."));

/**
 * Call `onChange` once the files under `dir` have stopped changing: after `debounceMs` without a
 * change event, the size and mtime of every data file are read, and read again every `pollMs`
 * until two polls in a row agree. A `git pull` or an editor's save touches several files and gets
 * one reload, and a writer that pauses mid-file (the probe's 800 ms) is not read half-written.
 * Writers that may pause longer should write to a hidden or non-.yaml temp name and rename it
 * into place (see the README); hidden names are ignored here and by the loader.
 */
export function watchData(dir: string, onChange: () => Promise<unknown>, options: WatchOptions): () => void {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  let running = false;
  let stopped = false;
  const sleep = (ms: number) => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));

  const run = async () => {
    running = true;
    try {
      while (pending && !stopped) {
        pending = false;
        await sleep(options.debounceMs);
        if (pending || stopped) continue;
        let previous = await snapshot(dir);
        for (;;) {
          await sleep(options.pollMs);
          if (stopped) return;
          const next = await snapshot(dir);
          if (next === previous) break;
          previous = next;
        }
        if (pending || stopped) continue;
        await onChange().catch((err: unknown) => options.logger.error("data watch reload failed", { error: err }));
      }
    } catch (err) {
      options.logger.error("data watch failed", { error: err, dir });
    } finally {
      running = false;
    }
  };

  try {
    watcher = watch(dir, { recursive: true }, (_event, file) => {
      if (file && !isDataName(String(file))) return;
      pending = true;
      if (!running) void run();
    });
    watcher.on("error", (err) => options.logger.error("data watch stopped", { error: err, dir }));
  } catch (err) {
    options.logger.error("cannot watch the data directory", { error: err, dir });
  }
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}

/** Name, size and mtime of every data file, as one string; links are not followed, as in the loader. */
async function snapshot(root: string): Promise<string> {
  const out: string[] = [];
  let seen = 0;
  const visit = async (rel: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith(".") || ++seen > MAX_ENTRIES) continue;
      const child = path.join(rel, entry.name);
      if (entry.isDirectory() && depth < 4) await visit(child, depth + 1);
      else if (entry.isFile() && isDataName(entry.name)) {
        const info = await lstat(path.join(root, child)).catch(() => undefined);
        out.push(`${child}\t${info?.size ?? -1}\t${info?.mtimeMs ?? -1}`);
      }
    }
  };
  await visit("", 0);
  return out.sort().join("\n");
}
