import { cp, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchData } from "../src/data-watch.js";
import { openIndex } from "../src/engine/bootstrap.js";
import { LiveIndex } from "../src/engine/live-index.js";
import { createLogger } from "../src/logger.js";

const logger = createLogger({ level: "error", write: () => {} });
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe("watchData", () => {
  let stop = () => {};
  afterEach(() => stop());

  it("calls back once after a burst of edits to YAML files settles", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dealdesk-watch-"));
    await cp("data", dir, { recursive: true });
    let calls = 0;
    stop = watchData(dir, async () => void calls++, { debounceMs: 150, pollMs: 100, logger });
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, "deals", "openai-aws-2025.yaml"), `# edit ${i}\n`, { flag: "a" });
    await until(() => calls > 0);
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(1);
  });

  it("ignores files that are not data", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dealdesk-watch-"));
    let calls = 0;
    stop = watchData(dir, async () => void calls++, { debounceMs: 50, pollMs: 50, logger });
    await writeFile(path.join(dir, "notes.swp"), "x");
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(0);
  });

  it("D5: a writer that pauses 800 ms mid-file is not read half-written (the 500 ms debounce alone served 1 fact of 15)", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-watch-")), "data");
    await cp("data", dir, { recursive: true });
    const live = new LiveIndex(await openIndex(dir), dir);
    const full = live.get().kb.deals.get("openai-aws-2025")!.factIds.length;
    const seen: number[] = [];
    stop = watchData(dir, async () => {
      await live.reload();
      seen.push(live.get().kb.deals.get("openai-aws-2025")!.factIds.length);
    }, { debounceMs: 500, pollMs: 1000, logger });

    const file = path.join(dir, "deals", "openai-aws-2025.yaml");
    const text = await readFile(file, "utf8");
    // The probe's cut: the first 45 lines are valid YAML holding one fact.
    await writeFile(file, `${text.split("\n").slice(0, 45).join("\n")}\n`);
    await new Promise((r) => setTimeout(r, 800));
    await writeFile(file, `${text}# second chunk written\n`);
    await until(() => seen.length > 0, 8000);
    await new Promise((r) => setTimeout(r, 1500));

    expect(full).toBeGreaterThan(1);
    expect(seen).toEqual([full]);
  }, 15_000);

  it("ignores hidden temp files, so write-to-temp-then-rename reloads once, with the whole file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dealdesk-watch-"));
    await cp("data", dir, { recursive: true });
    let calls = 0;
    stop = watchData(dir, async () => void calls++, { debounceMs: 50, pollMs: 50, logger });
    const temp = path.join(dir, "deals", ".openai-aws-2025.yaml.tmp");
    await writeFile(temp, "partial");
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(0);
    await rename(temp, path.join(dir, "deals", "openai-aws-2025.yaml"));
    await until(() => calls > 0);
    expect(calls).toBe(1);
  });
});
