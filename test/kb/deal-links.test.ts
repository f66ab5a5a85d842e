import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { MINIMAL, makeDataDir } from "../helpers/data-dir.js";

function errorsOf(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatLoadError);
}

/** A later deal replacing the fixture's deal: a $40 billion agreement in the article's text. */
const REPLACEMENT = `id: openai-aws-2026
title: OpenAI–AWS revised agreement
type: cloud-capacity
status: signed
announced: "2026"
sourcing: vetted
summary: The parties replaced the earlier agreement.
parties:
  - { entity: openai, role: buyer }
supersedes: [openai-aws]
sources:
  - id: later
    publisher: Later News
    url: https://example.com/later
    tier: B
    excerpts: ["OpenAI and AWS replaced it with a $40 billion deal."]
facts:
  - id: openai-aws-2026.value
    metric: deal-value
    value: 40000000000
    unit: USD
    asOf: "2026"
    source: later
    quote: "a $40 billion deal"
`;

const withStatus = (status: string) => MINIMAL["deals/openai-aws.yaml"]!.replace("status: signed", `status: ${status}`);

describe("supersessions are complete", () => {
  it("refuses to supersede a deal whose status does not say so", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws-2026.yaml": REPLACEMENT })));
    expect(errors).toContain('data/deals/openai-aws-2026.yaml: supersedes[0]: deal "openai-aws" has status "signed"; a superseded deal\'s status must be "scrapped" or "superseded"');
  });

  it("marks every fact of a superseded deal, pointing to the current figure of the same metric", async () => {
    const result = await loadKnowledgeBase(
      await makeDataDir({ "deals/openai-aws.yaml": withStatus("scrapped").replace("summary:", 'statusNote: "scrapped; replaced by a later deal"\nsummary:'), "deals/openai-aws-2026.yaml": REPLACEMENT }),
    );
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    const { facts, deals } = result.kb;
    expect(facts.get("openai-aws.value")).toMatchObject({ supersededBy: "openai-aws-2026.value", supersededByDeal: "openai-aws-2026" });
    expect(facts.get("openai-aws.duration")).toMatchObject({ supersededBy: "openai-aws-2026", supersededByDeal: "openai-aws-2026" });
    expect(facts.get("openai-aws-2026.value")?.supersededBy).toBeUndefined();
    expect(deals.get("openai-aws")).toMatchObject({ supersededBy: ["openai-aws-2026"], statusNote: "scrapped; replaced by a later deal" });
  });

  it("lets one figure supersede several earlier ones, and names an unknown one in the list", async () => {
    const later = REPLACEMENT.replace('    quote: "a $40 billion deal"\n', '    quote: "a $40 billion deal"\n    supersedes: [openai-aws.value, openai-aws.duration]\n').replace("supersedes: [openai-aws]\n", "");
    const result = await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws-2026.yaml": later }));
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.facts.get("openai-aws.value")?.supersededBy).toBe("openai-aws-2026.value");
    expect(result.kb.facts.get("openai-aws.duration")?.supersededBy).toBe("openai-aws-2026.value");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws-2026.yaml": later.replace("openai-aws.duration]", "openai-aws.nope]") })));
    expect(errors).toContain('data/deals/openai-aws-2026.yaml: facts[0].supersedes: unknown fact "openai-aws.nope"');
  });

  it("requires a deal file to be named by its id", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws-2026.yaml": null, "deals/replacement.yaml": REPLACEMENT })));
    expect(errors).toContain('data/deals/replacement.yaml: id: deal id "openai-aws-2026" must match its file name (openai-aws-2026.yaml)');
  });
});

describe("overlaps and sourcing", () => {
  it("makes overlaps two-way and refuses unknown ones", async () => {
    const deal = MINIMAL["deals/openai-aws.yaml"]!.replace("    source: wire\n", "    source: wire\n    overlaps: [openai-aws.value]\n");
    const result = await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": deal }));
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.facts.get("openai-aws.value")?.overlaps).toEqual(["openai-aws.duration"]);
    const bad = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": deal.replace("[openai-aws.value]", "[nope.value]") })));
    expect(bad).toContain('data/deals/openai-aws.yaml: facts[1].overlaps[0]: unknown fact "nope.value"');
  });

  it("refuses a figure whose note puts it inside another figure unless overlaps names that figure", async () => {
    const noted = MINIMAL["deals/openai-aws.yaml"]!.replace("    source: wire\n", "    source: wire\n    note: Part of the $38 billion total, not in addition to it.\n");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": noted })));
    expect(errors).toContain("data/deals/openai-aws.yaml: facts[1].overlaps: the note says this figure is part of (or includes) another; list that fact in overlaps so no total adds both");
    const linked = noted.replace("    note: Part", "    overlaps: [openai-aws.value]\n    note: Part");
    expect((await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": linked }))).ok).toBe(true);
  });

  it("checks sourcing against the tiers the facts cite", async () => {
    const deal = MINIMAL["deals/openai-aws.yaml"]!.replace("sourcing: vetted", "sourcing: reported-not-vetted");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": deal })));
    expect(errors).toContain('data/deals/openai-aws.yaml: sourcing: is "reported-not-vetted" but a fact cites a tier A or B source; use "vetted"');
  });
});
