/** The batch queue between the answer path and the database: batching, faults, bounds. */
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { WriteQueue } from "../../src/store/write-queue.js";

type Line = { level: string; msg: string; [k: string]: unknown };
const queues: WriteQueue<number>[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) await q.close(10);
});

function setup(opts: { batchRows?: number; maxQueued?: number; fail?: () => boolean; flushMs?: number } = {}) {
  const lines: Line[] = [];
  const written: number[][] = [];
  const logger = createLogger({ level: "debug", write: (l) => lines.push(JSON.parse(l) as Line) });
  const queue = new WriteQueue<number>({
    write: async (batch) => {
      if (opts.fail?.()) throw new Error("SQLITE_READONLY: attempt to write a readonly database");
      written.push([...batch]);
    },
    flushMs: opts.flushMs ?? 60_000,
    batchRows: opts.batchRows ?? 3,
    maxQueued: opts.maxQueued ?? 100,
    retryMs: { min: 1, max: 4 },
    logger,
  });
  queues.push(queue);
  return { queue, written, lines };
}

describe("WriteQueue", () => {
  it("writes in batches of at most batchRows, in order", async () => {
    const { queue, written } = setup({ batchRows: 3 });
    for (let i = 1; i <= 7; i++) queue.push(i);
    await queue.flush();
    expect(written).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(queue.stats()).toMatchObject({ queued: 0, written: 7, dropped: 0 });
  });

  it("flushes on its timer without being asked", async () => {
    const { queue, written } = setup({ batchRows: 100, flushMs: 10 });
    queue.push(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(written).toEqual([[1]]);
  });

  it("keeps rows while the database fails, warns once, and writes them all when it is back", async () => {
    let failing = true;
    const { queue, written, lines } = setup({ fail: () => failing });
    for (let i = 1; i <= 5; i++) queue.push(i);
    await queue.flush();
    queue.push(6);
    await queue.flush();
    await queue.flush();

    expect(written).toEqual([]);
    expect(queue.stats()).toMatchObject({ queued: 6, failing: true, dropped: 0 });
    expect(lines.filter((l) => l.level === "warn")).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: expect.stringMatching(/cannot write to the database; answers go on/), error: expect.stringMatching(/READONLY/) });

    failing = false;
    await queue.flush();
    expect(written.flat()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: "question log: database writes resumed" });
  });

  it("is bounded: past maxQueued the oldest rows are dropped and counted", async () => {
    let failing = true;
    const { queue, written } = setup({ fail: () => failing, maxQueued: 10, batchRows: 4 });
    for (let i = 1; i <= 25; i++) queue.push(i);
    await queue.flush();
    expect(queue.stats()).toMatchObject({ queued: 10, dropped: 15 });

    failing = false;
    await queue.flush();
    expect(written.flat()).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it("push never throws and stays bounded while a write hangs", async () => {
    const lines: string[] = [];
    const queue = new WriteQueue<number>({
      write: () => new Promise(() => undefined),
      flushMs: 60_000, batchRows: 1, maxQueued: 5, logger: createLogger({ level: "debug", write: (l) => lines.push(l) }),
    });
    for (let i = 0; i < 1000; i++) queue.push(i);
    expect(queue.stats().queued).toBe(5);
    clearInterval((queue as unknown as { timer: NodeJS.Timeout }).timer);
  });
});
