import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { parsePrecisionDate, type PrecisionDate } from "../../src/kb/precision-date.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { renderEmbed } from "../../src/render/discord.js";
import { renderPlain, sourceLine } from "../../src/render/plain.js";
import { MINIMAL, dealWith, makeDataDir } from "../helpers/data-dir.js";

function errorsOf(result: LoadResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? "" : result.errors.map(formatLoadError).join("\n");
}

const DEAL = MINIMAL["deals/openai-aws.yaml"]!;
const WIRE = `  - id: wire
    publisher: Wire
    url: https://example.com/wire
    tier: A
    excerpts:
      - "The deal is a seven-year partnership, the companies said."`;

describe("source metadata is only what the page shows", () => {
  it("loads a source with neither title nor page date", async () => {
    const result = await loadKnowledgeBase(await makeDataDir());
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    const wire = result.kb.sources.get("wire")!;
    expect(wire.title).toBeUndefined();
    expect(wire.published).toBeUndefined();
  });

  it("renders a source without title or date as 'page at <host>, date not given', never the fact's date", () => {
    const line = sourceLine({ n: 1, id: "wire", title: null, publisher: "Reuters", url: "https://www.reuters.com/x", published: null, tier: "A", quote: "q" });
    expect(line).toBe("[1] Reuters, page at reuters.com, date not given, https://www.reuters.com/x (tier A)\n    “q”");
  });

  it("renders a titled, month-dated source with its title and 'September 2025'", () => {
    const published = parsePrecisionDate("2025-09") as PrecisionDate;
    const line = sourceLine({ n: 2, id: "a", title: "Deal struck", publisher: "FT", url: null, published, tier: "B", quote: "q" });
    expect(line).toContain("[2] FT, “Deal struck”, September 2025 (tier B)");
  });

  it("the Discord embed copes without title or date too", () => {
    const answer: Answer = {
      question: "q", answered: true, outcome: "answered", kind: "figure", primary: [], lines: [["x"]], figures: [], suggestions: [],
      sources: [{ n: 1, id: "wire", title: null, publisher: "Wire", url: "https://example.com/a", published: null, tier: "C", quote: "q" }],
    };
    expect(renderEmbed(answer, "f").fields[0]?.value).toContain("[page at example.com](https://example.com/a), date not given (tier C)");
    expect(renderPlain(answer)).toContain("page at example.com, date not given");
  });

  it("requires a URL unless the source holds a text file", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("    url: https://example.com/wire\n", ""))));
    expect(errors).toContain("data/deals/openai-aws.yaml: sources[0].url: is required (exactly as in the research list) unless textFile is set");
  });

  it("requires the excerpts unless the source holds a text file", async () => {
    const noExcerpts = DEAL.replace(`    excerpts:\n      - "The deal is a seven-year partnership, the companies said."\n`, "");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": noExcerpts })));
    expect(errors).toMatch(/sources\[0\]\.excerpts: is required unless textFile is set/);
  });

  it("refuses a page date basis without a page date", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("    tier: A\n", "    tier: A\n    dateBasis: url\n"))));
    expect(errors).toContain("data/deals/openai-aws.yaml: sources[0].dateBasis: is only allowed with published");
  });

  it("refuses two sources with the same URL", async () => {
    const second = WIRE.replace("id: wire", "id: wire-copy").replace("https://example.com/wire", "https://EXAMPLE.com/wire/");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": DEAL.replace(WIRE, `${WIRE}\n${second}`) })));
    expect(errors).toContain('data/deals/openai-aws.yaml: sources[1].url: source "wire" already has this URL; cite that source by id');
  });
});

describe("every quote is inside its own source's excerpts", () => {
  it("rejects a quote that is in the research text but not in the cited source's excerpts", async () => {
    // The quote exists verbatim in another source (the article's text file), not in "wire".
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith("    source: article\n", "    source: wire\n"))));
    expect(errors).toContain('data/deals/openai-aws.yaml: facts[0].quote: quote not found verbatim in the excerpts of its source "wire"');
  });

  it("rejects a quote changed by one word", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith('quote: "a seven-year partnership"', 'quote: "a seven-year deal"'))));
    expect(errors).toMatch(/facts\[1\]\.quote: quote not found verbatim in the excerpts of its source "wire"/);
  });

  it("is case-sensitive but forgives line breaks", async () => {
    const upper = errorsOf(await loadKnowledgeBase(await makeDataDir(dealWith('quote: "a seven-year partnership"', 'quote: "A seven-year partnership"'))));
    expect(upper).toMatch(/facts\[1\]\.quote: quote not found verbatim/);
    const wrapped = await loadKnowledgeBase(await makeDataDir(dealWith('quote: "a seven-year partnership"', 'quote: "a seven-year\n      partnership"')));
    expect(wrapped.ok).toBe(true);
  });
});
