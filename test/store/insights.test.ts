/** Insights on a seeded SQLite log: grouped unanswered questions, facts marked wrong, shares, latency, CSV. */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { groupQuestions, similarity } from "../../src/insights/grouping.js";
import { type Insights, readInsights } from "../../src/insights/insights.js";
import { insightsEmbed, insightsText, unansweredCsv } from "../../src/insights/render.js";
import { contentTokens } from "../../src/feedback/normalise.js";
import { openDatabase } from "../../src/store/database.js";
import { embedSize, LIMITS } from "../../src/render/discord.js";
import { makeLog, tempDir } from "../helpers/question-log.js";

const answerWith = (factIds: string[], answered = true): Answer =>
  ({
    question: "", answered, kind: "figure", lines: [], sources: [], suggestions: [],
    figures: factIds.map((factId) => ({ factId, dealId: "d", metric: "value", value: 1, unit: "USD", qualifier: "none", display: "$1", sources: [] })),
  }) as unknown as Answer;

let insights: Insights;
let tmp: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  tmp = await tempDir();
  const file = path.join(tmp.dir, "seed.db");
  const { log } = makeLog(file);
  const day = 86_400_000;
  const now = Date.now();
  let id = 0;
  const ask = (question: string, answer: Answer | undefined, latencyMs: number, at = now - 3600_000) => {
    const answerId = `s${id++}`;
    log.recordQuestion({ answerId, question, answer, latencyMs, shard: 0, dataVersion: "v1", userId: String(1400000000000000000n + BigInt(id)), channel: "guild", at });
    return answerId;
  };
  const declined = answerWith([], false);
  // 6 askings (5 wordings) of one unanswered question, 3 of another, 1 of a third; one old one outside the window.
  for (const q of ["What is the Acme Widgets deal worth?", "What is the Acme Widgets deal worth?", "what's the acme widgets deal worth", "How much is the ACME widgets deal worth??", "acme widgets deal worth", "what is the acme widget deal worth"]) ask(q, declined, 5);
  for (const q of ["Who supplies Foobar Cloud?", "who supplies foobar cloud", "which companies supply foobar cloud"]) ask(q, declined, 5);
  ask("When was the Zeta deal signed?", declined, 5);
  ask("What is the Acme Widgets deal worth?", declined, 5, now - 30 * day);
  // Answered questions, each marked wrong or helpful.
  const a1 = ask("How much is the OpenAI AWS deal worth?", answerWith(["openai-aws.value"]), 10);
  const a2 = ask("OpenAI AWS value?", answerWith(["openai-aws.value"]), 20);
  const a3 = ask("How many GW is AMD giving OpenAI?", answerWith(["openai-amd.gw"]), 30);
  for (let i = 0; i < 6; i++) ask(`rate limited ${i}`, undefined, 1);
  ask("is openai worth a trillion?", { ...answerWith(["openai.valuation"]), outcome: "corrected" } as Answer, 40);
  log.recordVote({ answerId: a1, userId: "1400000000000000001", vote: "down", comment: "It is $40 billion now", correction: "$40 billion, Reuters", shard: 0 });
  log.recordVote({ answerId: a2, userId: "1400000000000000002", vote: "down", comment: null, shard: 0 });
  log.recordVote({ answerId: a3, userId: "1400000000000000003", vote: "down", comment: "6 GW not 1", shard: 0 });
  log.recordVote({ answerId: a3, userId: "1400000000000000004", vote: "up", shard: 0 });
  await log.close();
  const store = await openDatabase({ path: file });
  insights = await readInsights(store.db, 7, now);
  await store.close();
});
afterAll(async () => tmp?.remove());

describe("grouping", () => {
  it("scores reworded and misspelt questions as near-identical, and different ones as not", () => {
    const s = (a: string, b: string) => similarity(contentTokens(a), contentTokens(b));
    expect(s("what is the acme widgets deal worth", "acme widgets deal worth")).toBe(1);
    expect(s("what is the acme widgets deal worth", "what is the acme widget deal worth")).toBe(1);
    expect(s("what is the acme widgets deal worth", "acme widgets deal value")).toBe(1);
    expect(s("how many gpus does quintessa get", "how many gpu does quintessa get")).toBe(1);
    expect(s("what is the acme widgets deal worth", "what is the zeta widgets deal worth")).toBeLessThan(0.75);
  });

  it("keeps apart questions about different companies", () => {
    const groups = groupQuestions([{ text: "what is the acme deal worth", count: 2, lastAsked: 1 }, { text: "what is the zeta deal worth", count: 1, lastAsked: 1 }]);
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
  });
});

describe("insights on a seeded log", () => {
  it("lists the top unanswered questions, grouped, with counts, inside the window only", () => {
    expect(insights.unanswered.map((g) => [g.count, g.text])).toEqual([
      [6, "what is the acme widgets deal worth"],
      [2, "who supplies foobar cloud"],
      [1, "when was the zeta deal signed"],
      [1, "which companies supply foobar cloud"],
    ]);
    expect(insights.unanswered[0]!.variants).toHaveLength(4);
  });

  it("names the facts most often marked wrong, with the users' comments", () => {
    expect(insights.wrongFacts).toEqual([
      { factId: "openai-aws.value", count: 2, comments: ["It is $40 billion now · right figure: $40 billion, Reuters"] },
      { factId: "openai-amd.gw", count: 1, comments: ["6 GW not 1"] },
    ]);
    expect(insights.votes).toEqual({ up: 1, down: 3 });
  });

  it("gives the shares of each outcome and the median and p95 latency of replies", () => {
    expect(insights.outcomes).toEqual({ answered: 3, declined: 10, trap: 1, help: 0, rate_limited: 6 });
    expect(insights.total).toBe(20);
    // Replies: ten at 5 ms, then 10, 20, 30, 40; rate-limit notices are left out.
    expect(insights.latency).toEqual({ median: 5, p95: 40 });
  });

  it("renders a text report, a CSV and an embed within Discord's limits", () => {
    const text = insightsText(insights);
    expect(text).toContain("6× “what is the acme widgets deal worth” (also: ");
    expect(text).toMatch(/declined \(no data\) 50\.0% \(10\)/);
    expect(text).toMatch(/rate-limited 30\.0% \(6\)/);
    const csv = unansweredCsv(insights).split("\r\n");
    expect(csv[0]).toBe("count,question,variants,last_asked");
    expect(csv[1]).toMatch(/^6,what is the acme widgets deal worth,/);
    expect(csv).toHaveLength(6);
    expect(embedSize(insightsEmbed(insights))).toBeLessThanOrEqual(LIMITS.total);
  });

  it("defuses spreadsheet formulas and quotes commas in the CSV", () => {
    const csv = unansweredCsv({ ...insights, unanswered: [{ text: "=cmd|' /c calc'!A1, ok", count: 1, variants: [], lastAsked: 0 }] });
    expect(csv.split("\r\n")[1]).toBe(`1,"'=cmd|' /c calc'!A1, ok",,1970-01-01T00:00:00.000Z`);
  });
});
