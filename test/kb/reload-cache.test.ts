import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError } from "../../src/kb/types.js";
import { makeDataDir } from "../helpers/data-dir.js";

/** A reload reuses what it validated for files whose text is unchanged, and re-reads every other one. */
describe("loading the same directory again", () => {
  it("sees an edited file's new figure, refuses it when it breaks, and loads it again once fixed", async () => {
    const dir = await makeDataDir();
    const file = path.join(dir, "deals/openai-aws.yaml");
    const original = await readFile(file, "utf8");
    const first = await loadKnowledgeBase(dir);
    if (!first.ok) throw new Error(first.errors.map(formatLoadError).join("\n"));
    expect(first.kb.facts.get("openai-aws.value")?.value).toBe(38e9);

    // Same text: the same facts.
    const again = await loadKnowledgeBase(dir);
    if (!again.ok) throw new Error("unchanged data should load");
    expect([...again.kb.facts.keys()]).toEqual([...first.kb.facts.keys()]);

    // A broken edit is reported, not hidden behind the copy validated before.
    await writeFile(file, original.replace("value: 38000000000", "value: thirty-eight"));
    const broken = await loadKnowledgeBase(dir);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors.map(formatLoadError).join("\n")).toMatch(/openai-aws\.yaml: facts\[0\]\.value/);

    // Restored: loads as before.
    await writeFile(file, original);
    const fixed = await loadKnowledgeBase(dir);
    expect(fixed.ok).toBe(true);
    if (fixed.ok) expect(fixed.kb.facts.get("openai-aws.value")?.value).toBe(38e9);
  });
});
