import type { Logger } from "../logger.js";
import { type OpenDatabase, openDatabase, type StoreTarget } from "./database.js";
import { type StoreOp, writeBatch } from "./writes.js";

/**
 * Holds the database connection for the write queue: opens and migrates it on first use, and
 * drops it after a failure (or when the SQLite file was deleted or replaced) so the next retry
 * opens it afresh. It never throws past `write`, whose rejection the queue turns into a retry.
 */
/** SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock; the batch is simply retried. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** What the question log writes through: in this thread (StoreWriter) or a worker (ThreadedStoreWriter). */
export interface BatchWriter {
  write(batch: readonly StoreOp[]): Promise<void>;
  /** An open connection for reads (insights). */
  connection(): Promise<OpenDatabase>;
  close(): Promise<void>;
  readonly purged: number;
  /** Resolves when the writer is ready to take batches without start-up work (a thread's boot); never rejects. */
  ready?(): Promise<void>;
}

export class StoreWriter implements BatchWriter {
  private open: Promise<OpenDatabase> | undefined;
  purged = 0;

  constructor(private readonly target: StoreTarget, private readonly logger: Logger) {}

  async write(batch: readonly StoreOp[]): Promise<void> {
    const db = await this.connection();
    try {
      const { purged } = await writeBatch(db.db, batch);
      if (purged > 0) this.logger.info("question log: retention purge", { rows: purged });
      this.purged += purged;
    } catch (err) {
      // Another process holding the write lock is no reason to reopen; anything else may be.
      if (!isBusy(err)) await this.reset();
      throw err;
    }
  }

  /** The open database, opening it when needed. Also used by the insights reader. */
  async connection(): Promise<OpenDatabase> {
    if (this.open) {
      const current = await this.open.catch(() => undefined);
      if (current && !current.stale()) return current;
      if (current) this.logger.warn("question log: the database file was deleted or replaced; opening it again", { file: current.where });
      await this.reset();
    }
    const opening = openDatabase(this.target);
    this.open = opening;
    try {
      return await opening;
    } catch (err) {
      this.open = undefined;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private async reset(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    const db = await open?.catch(() => undefined);
    await db?.close().catch(() => undefined);
  }
}
