import { describe, expect, it } from "vitest";
import { formatFact } from "../../src/engine/format.js";
import { hedgeProblem } from "../../src/kb/hedges.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError } from "../../src/kb/types.js";
import { QUALIFIERS, type Qualifier, type Unit } from "../../src/kb/vocabulary.js";
import { MINIMAL, makeDataDir } from "../helpers/data-dir.js";

/** The five hedges the audit found lost, with the qualifier that records each. */
const AUDIT: Array<[string, number, Unit, Qualifier]> = [
  ["Nvidia will hold a stake exceeding 4% in Intel", 4, "percent", "exceeding"],
  ["annualized revenue run rate above $20 billion", 20e9, "USD", "above"],
  ["Meta will provide some $2.5 billion in equity", 2.5e9, "USD", "some"],
  ["SoftBank sites which may scale to 1.5 gigawatts", 1.5, "GW", "may"],
  ["with the potential of reaching $100 billion", 100e9, "USD", "potential"],
];

describe("hedges are complete", () => {
  it("has the qualifier vocabulary of the standard", () => {
    for (const q of ["exceeding", "above", "over", "some", "roughly", "nearly", "almost", "may", "potential", "at least", "up to", "upwards of", "close to"]) {
      expect(QUALIFIERS).toContain(q);
    }
  });

  it.each(AUDIT)("rejects %j stored flat", (quote, value, unit, hedge) => {
    const problem = hedgeProblem({ quote, value, unit, qualifier: "none" });
    expect(problem).toContain(`"${hedge}"`);
    expect(problem).toContain('qualifier is "none"');
  });

  it.each(AUDIT)("accepts %j with its hedge", (quote, value, unit, hedge) => {
    expect(hedgeProblem({ quote, value, unit, qualifier: hedge })).toBeUndefined();
  });

  it("rejects a qualifier other than the quote's hedge", () => {
    expect(hedgeProblem({ quote: "worth about $30 billion", value: 30e9, unit: "USD", qualifier: "up to" })).toMatch(/hedges the figure with "about", not "up to"/);
  });

  it("accepts flat figures and does not take nearby words for hedges", () => {
    const flat: Array<[string, number, Unit]> = [
      ["OpenAI has signed a $38 billion agreement", 38e9, "USD"],
      ["CPUs scaling over the next seven years", 7, "years"],
      ["announced in May 2025 a $10 billion deal", 10e9, "USD"],
      ["Some analysts said the deal, worth $10 billion, was large", 10e9, "USD"],
      ["It may close soon. The deal is worth $5 billion", 5e9, "USD"],
    ];
    for (const [quote, value, unit] of flat) expect(hedgeProblem({ quote, value, unit, qualifier: "none" }), quote).toBeUndefined();
  });

  it("lets a figure stored flat when the quote also states it flat", () => {
    expect(hedgeProblem({ quote: "up to $10 billion, with $10 billion committed", value: 10e9, unit: "USD", qualifier: "none" })).toBeUndefined();
  });

  it("the loader names the fact whose quote hedges its figure", async () => {
    const text = "Nvidia will hold a stake exceeding 4% in the company.\n";
    const deal = MINIMAL["deals/openai-aws.yaml"]!.replace(
      "facts:\n",
      `facts:
  - id: openai-aws.stake
    metric: stake
    value: 4
    unit: percent
    asOf: "2025-11"
    source: article
    quote: "a stake exceeding 4%"
`,
    );
    const dir = await makeDataDir({ "deals/openai-aws.yaml": deal, "sources/article.txt": `${MINIMAL["sources/article.txt"]}${text}` });
    const result = await loadKnowledgeBase(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatLoadError)).toContain(
      'data/deals/openai-aws.yaml: facts[0].quote: the quote hedges the figure ("exceeding") but qualifier is "none"; set qualifier to the quote\'s hedge',
    );
    const fixed = await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": deal.replace("unit: percent\n", "unit: percent\n    qualifier: exceeding\n"), "sources/article.txt": `${MINIMAL["sources/article.txt"]}${text}` }));
    expect(fixed.ok).toBe(true);
  });

  it("every renderer shows the qualifier, also when the hedge is carried only in text", () => {
    expect(formatFact({ value: 4, unit: "percent", qualifier: "exceeding" })).toBe("exceeding 4%");
    expect(formatFact({ value: 100e9, unit: "USD", qualifier: "none", text: "the potential of reaching $100 billion" })).toBe("the potential of reaching $100 billion");
    expect(formatFact({ value: 22e9, unit: "GBP", qualifier: "about" })).toBe("about £22 billion");
  });
});
