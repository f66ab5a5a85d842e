import { mkdtemp, symlink, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { dealWith, makeDataDir } from "../helpers/data-dir.js";

function errorsOf(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result).not.toHaveProperty("kb");
  return result.errors.map(formatLoadError);
}

describe("loadKnowledgeBase", () => {
  it("loads the bundled data with at least 37 deals and 150 facts and no errors", async () => {
    const result = await loadKnowledgeBase("data");
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.deals.size).toBeGreaterThanOrEqual(37);
    expect(result.kb.facts.size).toBeGreaterThanOrEqual(150);
  });

  it("returns an immutable knowledge base", async () => {
    const result = await loadKnowledgeBase(await makeDataDir());
    if (!result.ok) throw new Error("fixture should load");
    expect(() => (result.kb.deals as Map<string, unknown>).set("x", {})).toThrow(/read-only/);
    expect(Object.isFrozen(result.kb.facts.get("openai-aws.value"))).toBe(true);
  });

  it("loads the minimal fixture, resolving sources declared in deal files and in sources/", async () => {
    const result = await loadKnowledgeBase(await makeDataDir());
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.sources.get("article")?.fullText).toContain("$38 billion");
    expect(result.kb.facts.get("openai-aws.duration")?.source).toBe("wire");
  });

  it("reports broken YAML syntax with the file name", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": "id: x\ntitle: [unclosed\n" })));
    expect(errors.join("\n")).toMatch(/data\/deals\/openai-aws\.yaml: YAML syntax error/);
  });

  it("names the missing field and its path", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith('    quote: "a seven-year partnership"\n', ""))));
    expect(errors).toContain("data/deals/openai-aws.yaml: facts[1].quote: is required but missing");
  });

  it("names a field of the wrong type", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("value: 7", "value: seven"))));
    expect(errors.join("\n")).toMatch(/facts\[1\]\.value: .*number/i);
  });

  it("rejects an unknown metric and lists the allowed ones", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("metric: duration", "metric: vibes"))));
    expect(errors.join("\n")).toMatch(/facts\[1\]\.metric: must be one of .*"duration".*\(got a string of 5 characters\)/);
  });

  it("rejects an unknown unit", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("unit: years", "unit: fortnights"))));
    expect(errors.join("\n")).toMatch(/facts\[1\]\.unit: must be one of/);
  });

  it("rejects a duplicate id across files", async () => {
    const copy = (await import("../helpers/data-dir.js")).MINIMAL["deals/openai-aws.yaml"]!.replace(/openai-aws\./g, "other.");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/copy.yaml": copy.replace(/id: wire/, "id: wire2") })));
    expect(errors.join("\n")).toMatch(/id: duplicate deal id "openai-aws"/);
  });

  it("names a dangling source reference exactly", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("source: wire", 'source: reuters-2025-11-3'))));
    expect(errors).toContain('data/deals/openai-aws.yaml: facts[1].source: unknown source "reuters-2025-11-3"');
  });

  it("names a dangling entity reference", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("entity: aws", "entity: amazn"))));
    expect(errors).toContain('data/deals/openai-aws.yaml: parties[1].entity: unknown entity "amazn"');
  });

  it("rejects a quote that does not carry its figure", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("value: 38000000000", "value: 3800000000"))));
    expect(errors.join("\n")).toMatch(/facts\[0\]\.quote: quote does not contain the figure 3800000000 USD/);
  });

  it("rejects a quote that is not in the source's held text", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("a landmark $38 billion", "a historic $38 billion"))));
    expect(errors.join("\n")).toMatch(/facts\[0\]\.quote: quote not found verbatim in the text of its source "article"/);
  });

  it("rejects an impossible date", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith('announced: "2025-11-03"', 'announced: "2025-02-30"'))));
    expect(errors).toContain('data/deals/openai-aws.yaml: announced: "2025-02-30" is not a real calendar date');
  });

  it("rejects a figure written into a deal summary", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("OpenAI buys cloud capacity", "OpenAI buys $38 billion of cloud capacity"))));
    expect(errors.join("\n")).toMatch(/summary: contains the figure "\$38"/);
  });

  it("reports a data directory that does not exist", async () => {
    const errors = errorsOf(await loadKnowledgeBase(path.join(tmpdir(), "dealdesk-no-such-dir")));
    expect(errors.join("\n")).toMatch(/cannot read data directory: ENOENT/);
  });

  it("reports an empty data directory", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await mkdtemp(path.join(tmpdir(), "dealdesk-empty-"))));
    expect(errors.join("\n")).toMatch(/no data files found/);
  });

  it("refuses a dangling link by name without opening it", async () => {
    const dir = await makeDataDir();
    await symlink(path.join(dir, "does-not-exist.yaml"), path.join(dir, "deals", "broken.yaml"));
    const errors = errorsOf(await loadKnowledgeBase(dir));
    expect(errors.join("\n")).toMatch(/data\/deals\/broken\.yaml: is a symbolic link/);
  });

  it("refuses a 50 MB file by its size without reading it", async () => {
    const dir = await makeDataDir({ "deals/huge.yaml": "" });
    await truncate(path.join(dir, "deals", "huge.yaml"), 50 * 1024 * 1024);
    const errors = errorsOf(await loadKnowledgeBase(dir));
    expect(errors).toContain("data/deals/huge.yaml: file is 50.0 MB, over the 1 MB limit; it was not read");
  });

  it("rejects a source on the research list's do-not-cite list", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("https://example.com/wire", "https://littletool.com/aws"))));
    expect(errors.join("\n")).toMatch(/sources\[0\]\.url: littletool\.com is flagged/);
  });

  it("rejects a dispute group with a single fact", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("    source: wire\n", "    source: wire\n    dispute: lonely\n"))));
    expect(errors.join("\n")).toMatch(/dispute group "lonely" has only one fact/);
  });
});
