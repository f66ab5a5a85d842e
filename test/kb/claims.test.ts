import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLAIMS_FILE, renderClaims, staleClaims } from "../../src/kb/claims.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError, type KnowledgeBase } from "../../src/kb/types.js";
import { claimSentence } from "../../src/render/claim-sentence.js";
import { MINIMAL, dealWith, makeDataDir } from "../helpers/data-dir.js";

async function kbOf(overrides: Record<string, string | null> = {}): Promise<KnowledgeBase> {
  const result = await loadKnowledgeBase(await makeDataDir(overrides));
  if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
  return result.kb;
}

describe("claimSentence", () => {
  it("says the deal, the metric's plain-English label (not its id), the figure and that it is reported", async () => {
    const kb = await kbOf();
    expect(claimSentence(kb.facts.get("openai-aws.value")!, kb)).toBe("The OpenAI–AWS agreement: value of the deal, $38 billion (reported)");
    expect(claimSentence(kb.facts.get("openai-aws.duration")!, kb)).toBe("The OpenAI–AWS agreement: length of the agreement, seven years (reported)");
  });

  it("says whose estimate and which other scope, the subject, the label and the qualifier", async () => {
    const estimate = await kbOf(dealWith("    metric: deal-value\n", '    metric: deal-value\n    basis: estimate\n    estimatedBy: "More Than Moore"\n'));
    expect(claimSentence(estimate.facts.get("openai-aws.value")!, estimate)).toBe("The OpenAI–AWS agreement: value of the deal, $38 billion (an estimate by More Than Moore)");
    const scoped = await kbOf(
      dealWith("    metric: deal-value\n", "    metric: deal-value\n    basis: other-scope\n    scope: \"IREN's whole campus\"\n    subject: aws\n    label: \"the contracts together\"\n"),
    );
    expect(claimSentence(scoped.facts.get("openai-aws.value")!, scoped)).toBe(
      "The OpenAI–AWS agreement: Amazon Web Services’ value of the deal (the contracts together), $38 billion (at another scope: IREN's whole campus)",
    );
    const hedged = await kbOf({
      "deals/openai-aws.yaml": MINIMAL["deals/openai-aws.yaml"]!.replace("    value: 7\n", "    value: 7\n    qualifier: about\n").replace('"a seven-year partnership"', '"about seven years"').replace("a seven-year partnership, the", "about seven years, the"),
    });
    expect(claimSentence(hedged.facts.get("openai-aws.duration")!, hedged)).toBe("The OpenAI–AWS agreement: length of the agreement, about seven years (reported)");
  });

  it("says 'not vetted' for a deal only tier-C pages carry, as the bot does", async () => {
    const kb = await kbOf({
      "deals/openai-aws.yaml": MINIMAL["deals/openai-aws.yaml"]!.replace("sourcing: vetted", "sourcing: reported-not-vetted").replace("    tier: A\n", "    tier: C\n"),
      "sources/article.yaml": MINIMAL["sources/article.yaml"]!.replace("tier: B", "tier: C"),
    });
    expect(claimSentence(kb.facts.get("openai-aws.value")!, kb)).toBe("The OpenAI–AWS agreement: value of the deal, $38 billion (reported, not vetted)");
  });

  it("renders dates at their precision", async () => {
    const kb = await kbOf({
      "deals/openai-aws.yaml": MINIMAL["deals/openai-aws.yaml"]!.replace(
        "    metric: duration\n    value: 7\n    unit: years\n",
        '    metric: start-date\n    unit: date\n    date: "2025-09"\n',
      ).replace('quote: "a seven-year partnership"', 'quote: "The deal is a seven-year partnership"'),
    });
    expect(claimSentence(kb.facts.get("openai-aws.duration")!, kb)).toBe("The OpenAI–AWS agreement: start date, September 2025 (reported)");
  });
});

describe("data/claims.txt", () => {
  it("writes one line per fact with quote and source, saying 'no url' and 'date not given' rather than inventing", async () => {
    const kb = await kbOf();
    const lines = renderClaims(kb).trimEnd().split("\n").filter((l) => !l.startsWith("#"));
    expect(lines).toEqual([
      'openai-aws.duration | The OpenAI–AWS agreement: length of the agreement, seven years (reported) | "a seven-year partnership" | Wire, https://example.com/wire, date not given',
      'openai-aws.value | The OpenAI–AWS agreement: value of the deal, $38 billion (reported) | "OpenAI has signed a landmark $38 billion agreement with Amazon Web Services (AWS)" | Example News, no url (text on file: article.txt), 4 November 2025',
    ]);
  });

  it("a stale or missing file is reported, telling the developer to run npm run claims", async () => {
    const kb = await kbOf();
    const current = renderClaims(kb);
    expect(staleClaims(kb, current)).toBeUndefined();
    expect(staleClaims(kb, undefined)).toMatch(/data\/claims\.txt is missing: run `npm run claims`/);
    const edited = await kbOf(dealWith("value: 38000000000", "value: 38000000000\n    qualifier: none"));
    expect(staleClaims(edited, current.replace("$38 billion (reported)", "$40 billion (reported)"))).toMatch(/is stale \(1 line\(s\) differ.*run `npm run claims`/);
  });

  it("is current for the bundled data (CI fails when a data change did not regenerate it)", async () => {
    const result = await loadKnowledgeBase("data");
    if (!result.ok) throw new Error(`data must load before claims can be checked:\n${result.errors.slice(0, 10).map(formatLoadError).join("\n")}`);
    const problem = staleClaims(result.kb, existsSync(CLAIMS_FILE) ? readFileSync(CLAIMS_FILE, "utf8") : undefined);
    if (problem) throw new Error(problem);
  });
});
