/**
 * Reload budgets and shutdown (issue 11 §1, §6): a reload checkpoints at every time slice, so it
 * can be abandoned for a shutdown (D9) or for running over its time or memory budget, with a
 * report naming the data directory, the old index still answering and the queue moving on.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticKb } from "../bench/synthetic.js";
import { openIndex } from "../src/engine/bootstrap.js";
import { LiveIndex } from "../src/engine/live-index.js";

let dir: string;
beforeAll(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-budget-")), "data");
  await writeSyntheticKb(dir, 5000, 11);
}, 60_000);

describe("LiveIndex reload budgets", () => {
  it("D9: close() during a reload stops it at the next time slice; the old index keeps answering and later reloads are refused", async () => {
    const live = new LiveIndex(await openIndex(dir), dir);
    const old = live.get();
    // A full rebuild, so the reload has work left whatever the machine's speed (an unchanged directory
    // now reloads in a few milliseconds and would finish before any wait).
    const running = live.reload({ rebuild: true });
    await new Promise((resolve) => setImmediate(resolve));
    const closed = live.close("the bot is shutting down");

    const report = await running;
    await closed;
    expect(report).toMatchObject({ ok: false, errors: [{ file: "data", message: "reload abandoned because the bot is shutting down; nothing was applied" }] });
    expect(live.get()).toBe(old);
    expect(await live.reload()).toMatchObject({ ok: false, errors: [{ message: "reload not started: the bot is shutting down" }] });
  }, 30_000);

  it("abandons a reload over its time budget with a clear report, and the reload queued behind it still reports", async () => {
    const live = new LiveIndex(await openIndex(dir), dir, { timeoutMs: 20 });
    const old = live.get();
    // Full rebuilds, so both have work past the budget whatever the machine's speed (an unchanged
    // directory now reloads in a few milliseconds, and the queued one passed on a quiet CI run).
    const [slow, queued] = await Promise.all([live.reload({ rebuild: true }), live.reload({ rebuild: true })]);
    expect(queued).toMatchObject({ ok: false });
    expect(slow).toMatchObject({ ok: false, errors: [{ file: "data", message: expect.stringMatching(/^reload abandoned because it ran past its 0\.02 s budget \(RELOAD_TIMEOUT_SECONDS\)/) }] });
    expect(live.get()).toBe(old);
  }, 30_000);

  it("abandons a reload over its memory budget", async () => {
    const live = new LiveIndex(await openIndex(dir), dir, { maxHeapGrowthBytes: 1 });
    const report = await live.reload();
    expect(report).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/memory budget \(RELOAD_MAX_MEMORY_MB\)/) }] });
    const relaxed = new LiveIndex(live.get(), dir);
    expect(await relaxed.reload()).toMatchObject({ ok: true });
  }, 30_000);
});
