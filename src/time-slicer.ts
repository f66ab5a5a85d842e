/**
 * Cooperative yielding for long synchronous work (loading and indexing 100k facts): call `tick()`
 * in a loop and it gives the event loop a turn whenever the budget has been used, so gateway
 * heartbeats, questions and signals keep flowing during a reload.
 *
 * Each yield is also a checkpoint: while `withCheckpoint` runs, its check is called at every yield
 * and may throw to stop the work there (a reload over its time or memory budget, or a shutdown).
 * The loader, integrity checks and index build all tick, so they need not know about budgets.
 * One check is active at a time: LiveIndex runs its reloads one after another.
 */
export type Checkpoint = () => void;

let active: Checkpoint | undefined;

export async function withCheckpoint<T>(check: Checkpoint, work: () => Promise<T>): Promise<T> {
  const previous = active;
  active = check;
  try {
    check();
    return await work();
  } finally {
    active = previous;
  }
}

export class TimeSlicer {
  private last = performance.now();

  constructor(private readonly budgetMs = 4) {}

  tick(): Promise<void> | undefined {
    if (performance.now() - this.last < this.budgetMs) return undefined;
    const check = active;
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        this.last = performance.now();
        try {
          check?.();
          resolve();
        } catch (err) {
          reject(err);
        }
      }),
    );
  }
}
