import { beforeAll, describe, expect, it } from "vitest";
import { openIndex } from "../../src/engine/bootstrap.js";
import { readQuestion } from "../../src/engine/read/read-question.js";
import { readerKnowledge } from "../../src/engine/reader-knowledge.js";
import { scoreFacts } from "../../src/engine/retrieve/score-facts.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { type Failure, verifyFact } from "../../src/engine/verify/verify.js";
import { MINIMAL, makeDataDir } from "../helpers/data-dir.js";

/**
 * The verification stage alone, on a tiny knowledge base loaded by the real loader: a cloud deal
 * (OpenAI buys from AWS: $38 billion, seven years, an analyst's chip estimate) and an acquisition
 * (Meta acquires Example Labs). Each check is shown failing on a fact that breaks it, and passing
 * on one that does not.
 */

const ARTICLE = `${MINIMAL["sources/article.txt"]!}Analysts at Example Research estimate the deal covers about 500,000 GPUs.
Meta agreed to acquire Example Labs for $14 billion in cash.
`;

const OPENAI_AWS = MINIMAL["deals/openai-aws.yaml"]!.replace("summary: OpenAI buys cloud capacity from AWS.", "summary: OpenAI buys cloud capacity from AWS at its Kairos campus.") +
  `  - id: openai-aws.chips-estimate
    metric: chip-count
    value: 500000
    unit: GPUs
    qualifier: about
    basis: estimate
    estimatedBy: Example Research
    asOf: "2025-11-04"
    source: article
    quote: "Analysts at Example Research estimate the deal covers about 500,000 GPUs."
`;

const META_LABS = `id: meta-example-labs
title: Meta acquisition of Example Labs
type: acquisition
status: signed
announced: "2025-06-01"
sourcing: vetted
summary: Meta acquires the start-up Example Labs.
parties:
  - { entity: meta, role: acquirer }
  - { entity: examplelabs, role: target }
facts:
  - id: meta-example-labs.value
    metric: deal-value
    value: 14000000000
    unit: USD
    asOf: "2025-06-01"
    source: article
    quote: "Meta agreed to acquire Example Labs for $14 billion in cash."
`;

let index: SearchIndex;

beforeAll(async () => {
  const dir = await makeDataDir({
    "entities/companies.yaml": `${MINIMAL["entities/companies.yaml"]!}  - { id: examplelabs, name: Example Labs, kind: company }\n`,
    "sources/article.txt": ARTICLE,
    "deals/openai-aws.yaml": OPENAI_AWS,
    "deals/meta-example-labs.yaml": META_LABS,
  });
  index = await openIndex(dir);
});

/** Read a question, score the named fact under it as retrieval would, and verify it. */
function verify(question: string, factId: string, groups?: readonly string[]): Failure[] {
  const q = readQuestion(readerKnowledge(index), question);
  const fact = index.kb.facts.get(factId);
  if (!fact) throw new Error(`no fact ${factId}`);
  const deal = index.kb.deals.get(fact.dealId)!;
  const named = groups ?? [...new Set(q.entities.filter((e) => e.hasDeals).map((e) => e.group))];
  const scored = scoreFacts(index, q, [deal], named).find((s) => s.fact.id === factId);
  if (!scored) throw new Error(`${factId} was not scored`);
  return [...verifyFact(index, q, named, scored).failures];
}
const kinds = (failures: readonly Failure[]) => failures.map((f) => f.kind);

describe("verifyFact", () => {
  it("passes the right figure for a plain question", () => {
    expect(verify("How much is OpenAI's AWS deal worth?", "openai-aws.value")).toEqual([]);
    expect(verify("how long does the openai aws deal run", "openai-aws.duration")).toEqual([]);
  });

  it("fails a deal the named company is not a party to", () => {
    const failures = verify("how much is meta's aws deal worth", "openai-aws.value");
    expect(failures).toContainEqual({ kind: "entity-not-party", group: "meta" });
    expect(verify("how much is openai's aws deal worth", "openai-aws.value")).toEqual([]);
  });

  it("fails a figure of another metric when the quantity was named outright", () => {
    expect(kinds(verify("how many gpus does openai get from aws", "openai-aws.value"))).toContain("quantity");
    expect(kinds(verify("how many years does the openai aws deal run", "openai-aws.value"))).toContain("quantity");
  });

  it("fails 'acquire' on a deal that is not an acquisition, and passes it on one that is", () => {
    expect(verify("how much did openai pay to acquire aws", "openai-aws.value")).toContainEqual({ kind: "relation", relation: "acquire" });
    expect(kinds(verify("how much did meta pay to acquire example labs", "meta-example-labs.value"))).not.toContain("relation");
  });

  it("fails a payment asked the wrong way round", () => {
    expect(verify("how much did aws pay openai", "openai-aws.value")).toContainEqual({ kind: "direction", actor: "aws", target: "openai" });
    expect(kinds(verify("how much did openai pay aws", "openai-aws.value"))).not.toContain("direction");
  });

  it("fails a figure the user states that the deal does not hold", () => {
    expect(verify("is the openai aws deal worth $50 billion", "openai-aws.value")).toContainEqual({ kind: "figure", stated: 50e9, unit: "USD" });
    expect(kinds(verify("is the openai aws deal worth $38b", "openai-aws.value"))).not.toContain("figure");
  });

  it("fails an estimate as the answer unless estimates are asked for", () => {
    expect(kinds(verify("how many gpus does openai get from aws", "openai-aws.chips-estimate"))).toEqual(["basis"]);
    expect(kinds(verify("how many gpus do analysts estimate openai gets from aws", "openai-aws.chips-estimate"))).not.toContain("basis");
  });

  it("fails a deal that never mentions a specific word of the question", () => {
    expect(verify("how much is the openai aws vizag deal worth", "openai-aws.value")).toContainEqual({ kind: "specific", word: "vizag", level: "deal" });
    expect(kinds(verify("how much is the openai aws kairos deal worth", "openai-aws.value"))).not.toContain("specific");
  });

  it("fails a year the deal and the figure do not carry", () => {
    expect(kinds(verify("how much was the openai aws deal worth in 2023", "openai-aws.value"))).toContain("year");
    expect(kinds(verify("how much was the openai aws deal worth in 2025", "openai-aws.value"))).not.toContain("year");
  });
});
