import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchData } from "../src/data-watch.js";
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
    stop = watchData(dir, async () => void calls++, { debounceMs: 150, logger });
    for (let i = 0; i < 5; i++) await writeFile(path.join(dir, "deals", "openai-aws-2025.yaml"), `# edit ${i}\n`, { flag: "a" });
    await until(() => calls > 0);
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(1);
  });

  it("ignores files that are not data", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dealdesk-watch-"));
    let calls = 0;
    stop = watchData(dir, async () => void calls++, { debounceMs: 50, logger });
    await writeFile(path.join(dir, "notes.swp"), "x");
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(0);
  });
});
