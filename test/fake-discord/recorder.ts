/** The request log: recorded REST calls, waiters on them, and queued failure injections. */
import type { FailureRule, RecordedRequest } from "./types.js";

export class RequestLog {
  readonly records: RecordedRequest[] = [];
  private readonly listeners = new Set<(request: RecordedRequest) => void>();
  private readonly failures: FailureRule[] = [];

  add(request: RecordedRequest): void {
    this.records.push(request);
    for (const listener of [...this.listeners]) listener(request);
  }

  failNext(rule: FailureRule): void {
    this.failures.push(rule);
  }

  /** Removes and returns the first queued failure matching this request. */
  takeFailure(method: string, path: string): FailureRule | undefined {
    const index = this.failures.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && f.pathPattern.test(path));
    return index === -1 ? undefined : this.failures.splice(index, 1)[0];
  }

  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs: number): Promise<RecordedRequest> {
    const past = this.records.find(predicate);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const listener = (request: RecordedRequest): void => {
        if (!predicate(request)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        const seen = this.records.map((r) => `${r.method} ${r.path} -> ${r.status}`).join("\n  ") || "(none)";
        reject(new Error(`fake-discord: no matching request within ${timeoutMs} ms. Recorded:\n  ${seen}`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }
}
