/**
 * Cooperative yielding for long synchronous work (loading and indexing 100k facts): call `tick()`
 * in a loop and it gives the event loop a turn whenever the budget has been used, so gateway
 * heartbeats and questions keep flowing during a reload.
 */
export class TimeSlicer {
  private last = performance.now();

  constructor(private readonly budgetMs = 4) {}

  tick(): Promise<void> | undefined {
    if (performance.now() - this.last < this.budgetMs) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.last = performance.now();
        resolve();
      }),
    );
  }
}
