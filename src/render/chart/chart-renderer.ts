import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { RenderRequest, RenderResponse, WarmedMessage } from "./render-worker.js";
import type { ChartSpec } from "./spec.js";

/** The worker is TypeScript, loaded through tsx's API as the rest of the app is loaded through tsx. */
const WORKER_URL = new URL("./render-worker.ts", import.meta.url).href;
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href;
const BOOT = `import(${JSON.stringify(TSX_API)}).then((m) => m.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

interface Pending {
  resolve(png: Uint8Array): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Renders charts on one worker thread, started on first use and kept. The caller's thread only
 * posts the spec and receives the bytes; a crashed or hung worker fails its requests and is
 * replaced on the next one.
 */
export class ChartRenderer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly onWarmed: Array<{ resolve(ms: number): void; reject(err: Error): void }> = [];
  private warmedMs: number | undefined;

  constructor(private readonly timeoutMs = 5_000) {}

  render(spec: ChartSpec): Promise<Uint8Array> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`chart render timed out after ${this.timeoutMs} ms`));
        this.reset(worker);
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      const request: RenderRequest = { id, spec };
      worker.postMessage(request);
    });
  }

  /** Start the worker and load the renderer now, so the first real chart is not the slow one. */
  warm(): void {
    const spec: ChartSpec = { kind: "ranking", title: "warm-up", legend: [], notes: [], alt: "", panels: [{ unit: "USD", title: "", bars: [{ figures: [0], name: "a", value: 1, label: "1", superseded: false, series: 0 }] }] };
    this.render(spec).catch(() => undefined);
  }

  /** The worker's glyph warm-up time (ms of its thread), once it is done; starts the worker if need be. Rejects if the worker stops first. */
  warmed(): Promise<number> {
    this.ensure();
    const done = this.warmedMs;
    return done !== undefined ? Promise.resolve(done) : new Promise((resolve, reject) => this.onWarmed.push({ resolve, reject }));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error("chart renderer closed"));
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOT, { eval: true });
    this.warmedMs = undefined;
    worker.unref();
    worker.on("message", (response: RenderResponse | WarmedMessage) => {
      if ("warmedMs" in response) {
        if (this.worker === worker) this.warmedMs = response.warmedMs;
        for (const w of this.onWarmed.splice(0)) w.resolve(response.warmedMs);
        return;
      }
      const p = this.pending.get(response.id);
      if (!p) return;
      this.pending.delete(response.id);
      clearTimeout(p.timer);
      if (response.ok) p.resolve(response.png);
      else p.reject(new Error(response.error));
    });
    worker.on("error", (err) => {
      this.failAll(err);
      this.reset(worker);
    });
    worker.on("exit", () => this.reset(worker));
    this.worker = worker;
    return worker;
  }

  private reset(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new Error("chart worker stopped"));
    void worker.terminate();
  }

  private failAll(err: Error): void {
    for (const w of this.onWarmed.splice(0)) w.reject(err);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }
}
