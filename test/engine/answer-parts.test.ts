import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { answerQuestion, EMPTY_CONTEXT } from "../../src/engine/answer.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { renderBody } from "../../src/render/plain.js";
import { bundledIndex } from "../helpers/bundled-index.js";
import { figureProblems } from "../../src/eval/citation-check.js";

/**
 * Questions in parts that ask figures of the same kind, told apart by their own words: each part
 * gets its own figure from the deal the question is about, led by the first part.
 */

let index: SearchIndex;
beforeAll(async () => {
  index = await bundledIndex();
});
const primaryIds = (a: Answer): string[] => a.primary.map((i) => a.figures[i]?.factId ?? "");
/** The last answer of questions asked in order in one conversation. */
function chain(...qs: string[]): Answer {
  let ctx = EMPTY_CONTEXT;
  let last: Answer | undefined;
  for (const q of qs) ({ answer: last, context: ctx } = answerQuestion(index, q, ctx));
  return last!;
}
const primary = (a: Answer) => a.primary.map((i) => a.figures[i]).filter((f) => f !== undefined);

describe("questions in parts", () => {
  it.each([
    ["xai colossus 2 financing - equity/debt split?", ["xai-colossus2-financing-2025.equity", "xai-colossus2-financing-2025.debt"]],
    ["meta's 2026 nebius deal - firm value vs the max if they take the contingent capacity", ["meta-nebius-2026.value", "meta-nebius-2026.value-max"]],
    ["xai humain saudi datacenter - how many MW, and the first phase?", ["xai-humain-2025.capacity", "xai-humain-2025.first-phase"]],
    ["hut 8 river bend lease to fluidstack: base value and max w renewals?", ["hut8-fluidstack-river-bend-2025.base-value", "hut8-fluidstack-river-bend-2025.value-with-renewals"]],
  ])("answers each part of %j, in order", (q, ids) => {
    const { answer } = answerQuestion(index, q);
    expect(answer.outcome).toBe("answered");
    expect(primaryIds(answer)).toEqual(ids);
  });

  it("gives a figure of another kind asked in a later part once, beside the first", () => {
    const { answer } = answerQuestion(index, "how much did nvidia pay for its intel stake and at what price a share");
    expect(renderBody(answer)).toMatch(/\$5 billion[\s\S]*\$23\.28/);
  });

  it("says a note about the deal once, however many of its figures are given", () => {
    const text = renderBody(answerQuestion(index, "xai colossus 2 financing - equity/debt split?").answer);
    expect(text.match(/reported by the press but not confirmed/g)?.length).toBe(1);
  });

  it("answers a question in one part with one figure", () => {
    const { answer } = answerQuestion(index, "how much equity is in the xai colossus 2 financing");
    expect(primaryIds(answer)).toEqual(["xai-colossus2-financing-2025.equity"]);
  });
});

describe("one deal's own figures, asked in everyday words", () => {
  it.each([
    ["applied digital coreweave leases at polaris forge - total contracted revenue?", ["applied-digital-coreweave-2025.value"]],
    ["how much is google's total backstop for terawulf and what stake does goog have", ["terawulf-fluidstack-google-2025.google-backstop-total", "terawulf-fluidstack-google-2025.google-stake"]],
    ["what % of openai does msft own after the recapitalisation and what's it worth", ["microsoft-openai-2025.microsoft-stake", "microsoft-openai-2025.microsoft-stake-value"]],
    ["nvidia leasing back its own gpus from lambda - how much is that", ["nvidia-lambda-2025.value"]],
    ["how much is microsoft paying iren", ["microsoft-iren-2025.value"]],
    ["stargate michigan in saline twp - how much capacity", ["stargate-michigan-2025.capacity"]],
  ])("answers %j", (q, ids) => {
    const { answer } = answerQuestion(index, q);
    expect(answer.outcome).toBe("answered");
    expect(primaryIds(answer)).toEqual(ids);
  });

  it("says the deal record's word that a value was never disclosed", () => {
    const { answer } = answerQuestion(index, "what's the google kairos SMR deal worth in dollars");
    expect(answer.outcome).toBe("declined");
    expect(renderBody(answer)).toContain("not disclosed");
  });
});

describe("a figure named outright", () => {
  it("takes 'how much of that is equity' as the deal's equity, not one investor's share of it", () => {
    expect(primaryIds(chain("how much is xai raising for colossus 2", "how much of that is equity"))).toEqual(["xai-colossus2-financing-2025.equity"]);
  });

  it("takes 'how much of the second tranche came from softbank' as SoftBank's part, not the tranche", () => {
    expect(primaryIds(answerQuestion(index, "how much of the second tranche came from softbank itself").answer)).toEqual(["softbank-openai-2025.second-tranche-softbank"]);
  });
});

describe("follow-ups on the deal just discussed", () => {
  it("stays on a superseded deal just discussed ('for how many gw' after Nvidia's scrapped letter of intent)", () => {
    expect(primaryIds(chain("how much did nvidia say it would invest in openai", "for how many gw"))).toEqual(["nvidia-openai-2025.capacity"]);
  });

  it("reads 'and the rest?' after the upfront part as the remainder", () => {
    const answer = chain("how much is amazon putting into openai", "how much upfront", "and the rest?");
    expect(primary(answer)[0]).toMatchObject({ dealId: "amazon-openai-2026", value: 35e9 });
  });
});

describe("totals of ceilings", () => {
  it("adds ceilings into a ceiling, each cited ('so combined?' after up to $10B and up to $5B)", () => {
    const last = chain("how much azure compute is anthropic committing to", "how much is nvidia investing in them", "and msft?", "so combined?");
    expect(primary(last)[0]).toMatchObject({ value: 15e9, qualifier: "up to" });
    expect(figureProblems(last, index)).toEqual([]);
  });
});
