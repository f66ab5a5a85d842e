import { describe, expect, it } from "vitest";
import { parseIntent } from "../../src/engine/intent.js";

describe("parseIntent", () => {
  it.each([
    ["How many gigawatts will Oracle supply OpenAI?", "capacity"],
    ["how many GPUs does the deal cover", "chip-count"],
    ["What stake does Microsoft hold in OpenAI?", "stake"],
    ["how long does the contract run", "duration"],
    ["When will the AWS capacity be fully deployed?", "completion-date"],
    ["when does it start", "start-date"],
    ["what's openai valued at", "valuation"],
    ["nvidia market cap", "market-value"],
    ["what did altman say", "statement"],
  ])("reads %j as asking for %s", (q, metric) => {
    expect(parseIntent(q).metrics[0]).toBe(metric);
  });

  it("treats a bare 'how much' as a money question", () => {
    const intent = parseIntent("how much is the openai aws deal worth");
    expect(intent.genericMoney).toBe(true);
    expect(intent.metrics).toContain("deal-value");
  });

  it("corrects typos in the words that carry the question", () => {
    expect(parseIntent("how many gigawats").metrics[0]).toBe("capacity");
    expect(parseIntent("whats the valutaion").metrics[0]).toBe("valuation");
  });

  it.each([
    ["Which companies has Anthropic signed compute deals with?", "list"],
    ["How much has OpenAI committed in total?", "total"],
    ["what's the biggest deal", "ranking"],
    ["Compare the Oracle and AWS deals", "compare"],
    ["oracle vs aws", "compare"],
    ["where does that figure come from", "sources"],
    ["help", "help"],
    ["", "empty"],
  ])("reads %j as a %s question", (q, kind) => {
    expect(parseIntent(q).kind).toBe(kind);
  });

  it("spots follow-ups and yes/no questions", () => {
    expect(parseIntent("and AMD?").followUp).toBe(true);
    expect(parseIntent("can it expand after 2026?").yesNo).toBe(true);
  });
});
