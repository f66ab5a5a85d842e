/**
 * The worker thread that owns the database writes. better-sqlite3 is synchronous, so a write (a
 * slow disk, a WAL checkpoint, another shard's lock) would otherwise hold the bot's event loop;
 * here it holds only this thread. Log lines go back to the main thread's logger.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Logger } from "../logger.js";
import type { StoreTarget } from "./database.js";
import { StoreWriter } from "./store-writer.js";
import type { StoreOp } from "./writes.js";

export type ToWorker = { readonly id: number; readonly batch: readonly StoreOp[] } | { readonly id: number; readonly close: true };
export type FromWorker =
  | { readonly id: number; readonly ok: true; readonly purged: number }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string }
  | { readonly log: { readonly level: "debug" | "info" | "warn" | "error"; readonly msg: string; readonly context?: Record<string, unknown> } }
  /** Sent once: the thread has loaded and tried to open the database. */
  | { readonly ready: true };

const port = parentPort;
if (!port) throw new Error("writer-worker.ts runs only as a worker thread");
const post = (m: FromWorker) => port.postMessage(m);
const forward = (level: "debug" | "info" | "warn" | "error") => (msg: string, context?: Record<string, unknown>) => post({ log: { level, msg, ...(context ? { context } : {}) } });
// Lines go to the main thread's logger, which redacts them; this side passes text through unchanged.
const logger: Logger = { debug: forward("debug"), info: forward("info"), warn: forward("warn"), error: forward("error"), child: () => logger, redact: (text: string) => text };
const writer = new StoreWriter((workerData as { target: StoreTarget }).target, logger);

// Open (and migrate) the database now, while the bot is still starting, not on the first batch while
// it answers. A failure here is silent: the first write opens it again, and warns if that fails too.
void writer.connection().then(
  () => post({ ready: true }),
  () => post({ ready: true }),
);

port.on("message", (m: ToWorker) => {
  if ("close" in m) {
    void writer.close().finally(() => post({ id: m.id, ok: true, purged: writer.purged }));
    return;
  }
  const before = writer.purged;
  writer.write(m.batch).then(
    () => post({ id: m.id, ok: true, purged: writer.purged - before }),
    (err: unknown) => {
      const code = (err as { code?: unknown } | null)?.code;
      post({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err), ...(typeof code === "string" ? { code } : {}) });
    },
  );
});
