import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "./logger.js";

/**
 * Call `onChange` once files under `dir` stop changing for `debounceMs`: a `git pull` or an
 * editor's save touches several files, and one reload should follow, not many.
 */
export function watchData(dir: string, onChange: () => Promise<unknown>, options: { debounceMs: number; logger: Logger }): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const fire = () => {
    timer = undefined;
    onChange().catch((err: unknown) => options.logger.error("data watch reload failed", { error: err }));
  };
  try {
    watcher = watch(dir, { recursive: true }, (_event, file) => {
      if (file && !/\.(ya?ml|txt)$/i.test(String(file))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, options.debounceMs);
    });
    watcher.on("error", (err) => options.logger.error("data watch stopped", { error: err, dir }));
  } catch (err) {
    options.logger.error("cannot watch the data directory", { error: err, dir });
  }
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}
