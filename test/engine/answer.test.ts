import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../../src/engine/answer.js";
import { ReplyBuilder } from "../../src/engine/answer-model.js";
import { composeDealMetric } from "../../src/engine/compose-figure.js";
import { formatFact } from "../../src/engine/format.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { figureProblems, uncitedNumbers } from "../../src/eval/citation-check.js";
import { renderBody, renderPlain } from "../../src/render/plain.js";
import { bundledIndex } from "../helpers/bundled-index.js";

describe("answerQuestion on the bundled data", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await bundledIndex();
  });
  const ask = (q: string, ctx: ConversationContext = EMPTY_CONTEXT) => answerQuestion(index, q, ctx);
  const body = (a: Answer) => renderBody(a);
  const values = (a: Answer) => a.figures.map((f) => f.value);

  it("answers the seed question with $38 billion and a citation naming source, publisher and date", () => {
    const { answer } = ask("How much is OpenAI's AWS deal worth?");
    expect(answer.answered).toBe(true);
    expect(body(answer)).toMatch(/^The OpenAI–AWS .* is worth \$38 billion \[1\]/);
    const first = answer.sources[0]!;
    expect(first.publisher).toBeTruthy();
    expect(renderPlain(answer)).toContain(`[1] ${first.publisher}, `);
  });

  it("reads aliases and typos the same as the proper names", () => {
    const proper = ask("How much is the OpenAI Amazon Web Services deal worth?").answer;
    for (const q of ["opnai amazn deal value", "openai aws deal worth", "how much is open ai paying amazon"]) {
      expect(values(ask(q).answer)[0], q).toBe(values(proper)[0]);
    }
  });

  it("gives the qualifier as reported", () => {
    const { answer } = ask("How many gigawatts will Oracle supply OpenAI?");
    expect(body(answer)).toMatch(/about 4\.5 GW \[\d\]/);
  });

  it("answers a date question with the date, not the capacity", () => {
    const { answer } = ask("When will the AWS capacity be fully deployed?");
    expect(body(answer)).toMatch(/by the end of 2026 \[\d\]/);
  });

  it("shows both sides when sources disagree", () => {
    for (const [group, ids] of index.kb.disputes) {
      const facts = ids.map((id) => index.kb.facts.get(id)!);
      const deal = index.kb.deals.get(facts[0]!.dealId)!;
      const b = new ReplyBuilder(index.kb);
      composeDealMetric(b, index, deal, facts[0]!.metric, false);
      const text = renderBody(b.build("", true, "figure"));
      const shown = new Set(facts.filter((f) => f.metric === facts[0]!.metric).map((f) => formatFact(f)));
      if (shown.size < 2) continue;
      expect(text, group).toMatch(/Sources differ/);
      for (const display of shown) expect(text, group).toContain(display);
    }
  });

  it("gives the current figure when a later one superseded it, and mentions the earlier one", () => {
    const superseded = [...index.kb.facts.values()].filter((f) => f.supersededBy);
    expect(superseded.length).toBeGreaterThan(0);
    const { answer } = ask("How much is Nvidia investing in OpenAI?");
    const newer = index.kb.facts.get(superseded.find((f) => f.dealId === "nvidia-openai-2025")!.supersededBy!)!;
    expect(body(answer)).toMatch(/superseded the earlier figure of up to \$100 billion/);
    expect(values(answer)).toContain(newer.value);
  });

  it("says plainly when it has no figure, and suggests what it knows", () => {
    const { answer } = ask("What's Apple's deal with OpenAI worth?");
    expect(answer.answered).toBe(false);
    expect(body(answer)).toMatch(/I don't have/);
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.figures).toEqual([]);
  });

  it("says which figure is missing for a known deal", () => {
    const { answer } = ask("how long does the Microsoft Lambda deal run?");
    expect(answer.answered).toBe(false);
    expect(body(answer)).toMatch(/I don't have a figure for the duration of the Microsoft–Lambda/);
  });

  it.each(["", "   ", "?", "asdkjh qwe zzz", "What's the weather in Paris?", "x".repeat(10_000), "💸💸💸", "<@123> @everyone"])(
    "gives a short reply without a figure to %j",
    (q) => {
      const { answer } = ask(q);
      expect(answer.answered).toBe(false);
      expect(answer.figures).toEqual([]);
      expect(renderPlain(answer).length).toBeLessThan(1500);
    },
  );

  it("carries the conversation into follow-ups", () => {
    const first = ask("How much is the OpenAI AWS deal worth?");
    const second = ask("and AMD?", first.context);
    expect(second.answer.figures[0]?.dealId).toBe("openai-amd-2025");
    const third = ask("how long is the aws one?", EMPTY_CONTEXT);
    expect(third.answer.figures.some((f) => f.metric === "duration")).toBe(true);
    const chips = ask("what about the chips?", first.context);
    expect(chips.answer.figures[0]?.metric).toBe("chip-count");
    expect(chips.answer.figures[0]?.dealId).toBe("openai-aws-2025");
  });

  it("lists a company's compute deals, each cited", () => {
    const { answer } = ask("Which companies has Anthropic signed compute deals with?");
    const text = body(answer);
    for (const name of ["Google", "Amazon", "Fluidstack"]) expect(text).toContain(name);
    expect(answer.figures.every((f) => f.sources.length > 0)).toBe(true);
  });

  it("labels a total as computed and cites every component", () => {
    const { answer } = ask("How much has OpenAI committed in total?");
    const total = answer.figures.find((f) => f.computedFrom);
    expect(total).toBeDefined();
    expect(body(answer)).toMatch(/computed/);
    expect(figureProblems(answer, index)).toEqual([]);
    for (const id of total!.computedFrom!) expect(answer.figures.some((f) => f.factId === id)).toBe(true);
  });

  it("compares two deals side by side", () => {
    const { answer } = ask("Compare the Oracle and AWS deals");
    const deals = new Set(answer.figures.map((f) => f.dealId));
    expect(deals).toEqual(new Set(["openai-oracle-2025", "openai-aws-2025"]));
  });

  it("quotes what a person said, cited", () => {
    const { answer } = ask("what did altman say about compute?");
    expect(body(answer)).toMatch(/Sam Altman said: “Scaling frontier AI requires massive, reliable compute” \[\d\]/);
  });

  it("answers a yes/no question from a fact", () => {
    const { answer } = ask("can the aws deal expand after 2026?");
    expect(body(answer)).toMatch(/^Yes\. .*beyond 2027 \[\d\]/);
  });

  it("lists the newest deals by announcement date, each date cited", () => {
    const { answer } = ask("what's the newest deal?");
    const dates = answer.figures.filter((f) => f.metric === "announcement-date");
    expect(dates.length).toBeGreaterThan(1);
    expect(dates.every((f) => f.sources.length === 1)).toBe(true);
    const latest = [...index.kb.deals.values()].filter((d) => d.type !== "plan" && d.type !== "market-event").sort((a, b) => b.announced.sortKey - a.announced.sortKey)[0]!;
    expect(dates[0]?.dealId).toBe(latest.id);
  });

  it("lists only the deals over a dollar threshold", () => {
    const { answer } = ask("deals over $100 billion");
    expect(answer.figures.length).toBeGreaterThan(0);
    for (const f of answer.figures) expect(f.value).toBeGreaterThanOrEqual(100e9);
  });

  it("compares two companies' values when asked what they are worth", () => {
    const { answer } = ask("how much is nvidia worth vs amazon");
    expect(answer.figures.map((f) => f.metric)).toEqual(["market-value", "market-value"]);
  });

  it("confirms a figure the user states when a cited fact matches it, and says so when none does", () => {
    expect(body(ask("Is the AWS deal worth $38 billion?").answer)).toMatch(/^Yes, my sources report that figure:\n.*\$38 billion \[1\]/);
    expect(body(ask("Is the AWS deal worth $1 trillion?").answer)).toMatch(/^Not as asked; here is what my sources report:\n.*\$38 billion/);
  });

  it("names Nvidia's market value when asked what Nvidia is worth", () => {
    const { answer } = ask("How much is Nvidia worth?");
    expect(values(answer)).toContain(5e12);
  });
});

describe("citations", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await bundledIndex();
  });

  it.each([
    "How much is OpenAI's AWS deal worth?",
    "How much has OpenAI committed in total?",
    "what is the largest deal",
    "Compare the Oracle and AWS deals",
    "tell me about stargate",
    "When was the AWS deal announced?",
    "what's openai valued at",
    "Which companies has Anthropic signed compute deals with?",
    "what's the newest deal?",
    "which deals were announced in 2026",
    "deals over $50 billion",
    "how much is nvidia worth vs amazon",
    "is the nvidia openai deal binding?",
    "Is OpenAI still relying on Azure?",
    "total capacity openai has contracted",
    "How much has Microsoft committed in total?",
  ])("puts no number in the reply to %j that a cited figure does not account for", (q) => {
    const { answer } = answerQuestion(index, q);
    expect(uncitedNumbers(answer, index)).toEqual([]);
    expect(figureProblems(answer, index)).toEqual([]);
  });
});
