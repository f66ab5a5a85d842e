import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { dealWith, makeDataDir } from "../helpers/data-dir.js";

function errorsOf(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatLoadError);
}

const VALUE = "    metric: deal-value\n";

describe("what kind of figure it is", () => {
  it("loads a reported figure by default", async () => {
    const result = await loadKnowledgeBase(await makeDataDir());
    if (!result.ok) throw new Error("fixture should load");
    expect(result.kb.facts.get("openai-aws.value")?.basis).toBe("reported");
  });

  it("requires estimatedBy for an estimate", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith(VALUE, `${VALUE}    basis: estimate\n`))));
    expect(errors).toContain("data/deals/openai-aws.yaml: facts[0].estimatedBy: is required when basis is estimate: say who estimated it");
  });

  it("loads an estimate that says whose it is", async () => {
    const result = await loadKnowledgeBase(await makeDataDir(dealWith(VALUE, `${VALUE}    basis: estimate\n    estimatedBy: "More Than Moore (analyst)"\n`)));
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.facts.get("openai-aws.value")).toMatchObject({ basis: "estimate", estimatedBy: "More Than Moore (analyst)" });
  });

  it("requires scope for a figure at another scope", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith(VALUE, `${VALUE}    basis: other-scope\n`))));
    expect(errors).toContain("data/deals/openai-aws.yaml: facts[0].scope: is required when basis is other-scope: say what the figure covers");
  });

  it("refuses estimatedBy or scope on a reported figure", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith(VALUE, `${VALUE}    scope: "the whole campus"\n`))));
    expect(errors).toContain("data/deals/openai-aws.yaml: facts[0].scope: is only allowed with basis: other-scope");
  });

  it("refuses a number stored as a term, and a stake in dollars", async () => {
    const term = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("metric: duration", "metric: term"))));
    expect(term.join("\n")).toMatch(/facts\[1\]\.metric: "term" is for non-numeric terms only/);
    const stake = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("metric: deal-value", "metric: stake"))));
    expect(stake).toContain('data/deals/openai-aws.yaml: facts[0].unit: metric "stake" takes "percent", "text" (got "USD")');
  });

  it("refuses a chip count in dollars and a floor area in acres", async () => {
    const chips = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("metric: deal-value", "metric: chip-count"))));
    expect(chips.join("\n")).toMatch(/facts\[0\]\.unit: metric "chip-count" takes "GPUs", "TPUs", "chips", "CPUs", "accelerators", "text" \(got "USD"\)/);
    const area = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("metric: deal-value\n    value: 38000000000\n    unit: USD", "metric: floor-area\n    value: 38000000000\n    unit: acres"))));
    expect(area.join("\n")).toMatch(/metric "floor-area" takes "square feet", "text" \(got "acres"\)/);
  });

  it("refuses digits in a label: the figure goes in value", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith(VALUE, `${VALUE}    label: "the 2 contracts together"\n`))));
    expect(errors).toContain("data/deals/openai-aws.yaml: facts[0].label: must not contain digits: the figure goes in value");
  });
});
