import { Worker } from "node:worker_threads";
import type { Logger } from "../logger.js";
import type { OpenDatabase, StoreTarget } from "./database.js";
import { type BatchWriter, StoreWriter } from "./store-writer.js";
import type { FromWorker, ToWorker } from "./writer-worker.js";
import type { StoreOp } from "./writes.js";

const BOOT = new URL("./worker-boot.mjs", import.meta.url);
const ENTRY = new URL("./writer-worker.ts", import.meta.url).href;

/**
 * The bot's writer: batches go to a worker thread that owns the write connection, so no database
 * call ever runs on the event loop that answers users. A crashed worker is replaced on the next
 * write. Reads for insights (rare, admin-only) use their own connection on this thread.
 */
export class ThreadedStoreWriter implements BatchWriter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  private readonly reader: StoreWriter;
  private started: Promise<void> = Promise.resolve();
  purged = 0;

  constructor(private readonly target: StoreTarget, private readonly logger: Logger) {
    this.reader = new StoreWriter(target, logger);
    // Started now, so the first batch does not wait for the thread to load.
    this.start();
  }

  async write(batch: readonly StoreOp[]): Promise<void> {
    const reply = await this.send({ id: this.nextId++, batch });
    if ("ok" in reply && reply.ok) this.purged += reply.purged;
    else if ("ok" in reply) throw Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
  }

  /**
   * Resolves once the current thread has loaded and opened the database (or failed to), or has
   * died; never rejects. Its start-up is about a second of CPU (tsx, Kysely, better-sqlite3).
   */
  ready(): Promise<void> {
    if (!this.worker) this.start();
    return this.started;
  }

  connection(): Promise<OpenDatabase> {
    return this.reader.connection();
  }

  async close(): Promise<void> {
    if (this.worker) await this.send({ id: this.nextId++, close: true }).catch(() => undefined);
    await this.worker?.terminate();
    this.worker = undefined;
    await this.reader.close();
  }

  private send(message: ToWorker): Promise<FromWorker> {
    const worker = this.worker ?? this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  private start(): Worker {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, target: this.target } });
    worker.unref();
    let started = () => {};
    this.started = new Promise<void>((resolve) => (started = resolve));
    worker.on("message", (m: FromWorker) => {
      if ("ready" in m) return void started();
      if ("log" in m) return void this.logger[m.log.level](m.log.msg, m.log.context);
      this.pending.get(m.id)?.resolve(m);
      this.pending.delete(m.id);
    });
    const fail = (err: Error) => {
      started();
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the database writer thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
