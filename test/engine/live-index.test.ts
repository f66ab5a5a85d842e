import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { LiveIndex } from "../../src/engine/live-index.js";
import { makeDataDir, MINIMAL } from "../helpers/data-dir.js";

describe("LiveIndex", () => {
  it("swaps in a new index whole and reports what changed", async () => {
    const dir = await makeDataDir();
    const live = new LiveIndex(await openIndex(dir), dir);
    const before = live.get();
    await writeFile(path.join(dir, "deals", "openai-aws.yaml"), MINIMAL["deals/openai-aws.yaml"]!.replaceAll("a seven-year partnership", "a seven-year cloud partnership"));
    const report = await live.reload();
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.changed).toEqual(["openai-aws.duration"]);
    expect(report.added).toEqual([]);
    expect(report.before).toEqual({ deals: 1, facts: 2 });
    expect(live.get()).not.toBe(before);
  });

  it("keeps answering from the old index when a data file breaks", async () => {
    const dir = await makeDataDir();
    const live = new LiveIndex(await openIndex(dir), dir);
    const before = live.get();
    await writeFile(path.join(dir, "deals", "openai-aws.yaml"), "id: [broken\n");
    const report = await live.reload();
    expect(report.ok).toBe(false);
    expect(live.get()).toBe(before);
    expect(answerQuestion(live.get(), "how much is the openai aws deal worth").answer.figures[0]?.value).toBe(38e9);
  });

  it("answers from the index in service while a reload is running, and runs reloads one after another", async () => {
    const dir = await makeDataDir();
    const live = new LiveIndex(await openIndex(dir), dir);
    const before = live.get();
    const first = live.reload();
    const second = live.reload();
    expect(live.get()).toBe(before);
    expect(answerQuestion(live.get(), "openai aws deal value").answer.outcome).toBe("answered");
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.before).toEqual(a.after);
  });
});
