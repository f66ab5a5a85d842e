import type { Logger } from "../logger.js";

export interface WriteQueueOptions<T> {
  /** Write one batch; a rejection keeps the batch queued and retries it later. */
  write(batch: readonly T[]): Promise<void>;
  /** Flush every this many ms. */
  readonly flushMs: number;
  /** A batch holds at most this many items; a full batch is flushed at once. */
  readonly batchRows: number;
  /** Past this many waiting items the oldest are dropped (and counted). */
  readonly maxQueued: number;
  readonly logger: Logger;
  /** Backoff after a failed write: doubles from min to max. */
  readonly retryMs?: { readonly min: number; readonly max: number };
  /**
   * A failure that is expected to pass at once (another process holds SQLite's write lock): retried
   * after the minimum delay, without a warning unless it keeps happening.
   */
  readonly isTransient?: (err: unknown) => boolean;
  readonly now?: () => number;
}

export interface QueueStats {
  readonly queued: number;
  /** Items pushed since start-up. */
  readonly pushed: number;
  readonly written: number;
  readonly dropped: number;
  readonly failedWrites: number;
  readonly failing: boolean;
}

/**
 * An in-memory batch queue between the answer path and the database. `push` is synchronous and
 * never throws, so logging can't delay or break a reply. Writes happen on a timer, a batch at a
 * time. While the database is failing, items wait (bounded, oldest dropped first), one warning is
 * logged, and the write is retried with backoff; one info line says when writes resume.
 */
export class WriteQueue<T> {
  private items: T[] = [];
  private written = 0;
  private pushed = 0;
  private dropped = 0;
  private failedWrites = 0;
  private failing = false;
  private retryDelay = 0;
  private nextTryAt = 0;
  private droppedAtWarning = 0;
  private transientInARow = 0;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly retry: { min: number; max: number };

  constructor(private readonly options: WriteQueueOptions<T>) {
    this.now = options.now ?? Date.now;
    this.retry = { min: options.retryMs?.min ?? 1000, max: options.retryMs?.max ?? 60_000 };
    this.timer = setInterval(() => this.tick(), options.flushMs);
    this.timer.unref();
  }

  push(item: T): void {
    this.pushed++;
    if (this.closed) {
      this.dropped++;
      return;
    }
    this.items.push(item);
    this.trim();
    if (this.items.length >= this.options.batchRows && !this.failing) void this.flush();
  }

  stats(): QueueStats {
    return { queued: this.items.length, pushed: this.pushed, written: this.written, dropped: this.dropped, failedWrites: this.failedWrites, failing: this.failing };
  }

  /** Write everything queued now (one batch after another); resolves when done or a write fails. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Stop the timer and keep trying to write what is queued, giving up after `timeoutMs`. */
  async close(timeoutMs = 2000): Promise<void> {
    clearInterval(this.timer);
    const deadline = this.now() + timeoutMs;
    const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, ms)));
    while (this.items.length > 0 && this.now() < deadline) {
      await Promise.race([this.flush(), pause(deadline - this.now())]);
      if (this.items.length > 0 && this.failing) await pause(Math.min(this.nextTryAt, deadline) - this.now());
    }
    this.closed = true;
    if (this.items.length > 0) {
      this.options.logger.warn("question log: closing with rows still unwritten", { unwritten: this.items.length, dropped: this.dropped });
    }
  }

  private tick(): void {
    if (this.items.length === 0 || (this.failing && this.now() < this.nextTryAt)) return;
    void this.flush();
  }

  private async drain(): Promise<void> {
    while (this.items.length > 0) {
      const batch = this.items.splice(0, this.options.batchRows);
      try {
        await this.options.write(batch);
      } catch (err) {
        // Put the batch back in front of anything pushed meanwhile; trim drops the oldest.
        this.items = [...batch, ...this.items];
        this.trim();
        this.failed(err);
        return;
      }
      this.written += batch.length;
      this.transientInARow = 0;
      if (this.failing) {
        this.failing = false;
        this.retryDelay = 0;
        this.options.logger.info("question log: database writes resumed", { queued: this.items.length, dropped: this.dropped });
      }
    }
  }

  private failed(err: unknown): void {
    this.failedWrites++;
    if (this.options.isTransient?.(err) && ++this.transientInARow < 20) {
      this.nextTryAt = this.now() + this.retry.min;
      return;
    }
    this.retryDelay = this.retryDelay === 0 ? this.retry.min : Math.min(this.retry.max, this.retryDelay * 2);
    this.nextTryAt = this.now() + this.retryDelay;
    if (this.failing) return;
    this.failing = true;
    this.droppedAtWarning = this.dropped;
    this.options.logger.warn("question log: cannot write to the database; answers go on, rows wait in memory and the write is retried", {
      error: err instanceof Error ? err.message : String(err),
      queued: this.items.length,
      maxQueued: this.options.maxQueued,
      retryInMs: this.retryDelay,
    });
  }

  private trim(): void {
    const excess = this.items.length - this.options.maxQueued;
    if (excess <= 0) return;
    this.items.splice(0, excess);
    this.dropped += excess;
    // One more line when a failing database first makes the queue overflow; the counter says the rest.
    if (this.dropped - excess === this.droppedAtWarning && this.failing) {
      this.options.logger.warn("question log: queue full; dropping the oldest rows until the database is back", { maxQueued: this.options.maxQueued });
    }
  }
}
