/** ChartSpec from real answers on the bundled data: what each chart shows, and that it shows only cited figures. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { companyCard } from "../../src/engine/cards.js";
import { findCompany } from "../../src/engine/lookup.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { chartSpecFor, type ChartAnswer, type ChartSpec } from "../../src/render/chart/index.js";
import type { BarsSpec, TimelineSpec, TotalSpec } from "../../src/render/chart/spec.js";

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex("data");
});

const ask = (q: string): Answer => answerQuestion(index, q).answer;
const spec = (a: ChartAnswer, subject?: string): ChartSpec | undefined => chartSpecFor(a, index.kb, subject ? { subject } : {});
const cited = (a: ChartAnswer, i: number) => {
  const f = a.figures[i]!;
  return `${f.display} ${f.sources.map((n) => `[${n}]`).join("")}`;
};

describe("chartSpecFor", () => {
  it("ranks by the reply's own figures: largest first, each label the figure's display and the reply's [n]", () => {
    const answer = ask("biggest OpenAI deals");
    const s = spec(answer) as BarsSpec;
    expect(s.kind).toBe("ranking");
    expect(s.title).toMatch(/US dollars/);
    const bars = s.panels[0]!.bars;
    expect(bars.length).toBeGreaterThanOrEqual(3);
    expect(bars.length).toBeLessThanOrEqual(10);
    expect(bars.map((b) => b.value)).toEqual([...bars.map((b) => b.value)].sort((x, y) => y - x));
    for (const b of bars) {
      expect(b.figures).toHaveLength(1);
      expect(b.label).toBe(cited(answer, b.figures[0]!));
      expect(b.value).toBe(answer.figures[b.figures[0]!]!.value);
    }
    expect(bars[0]!.label).toBe("$500 billion [1]");
  });

  it("keeps the qualifier in the label: “as much as”, “at least”, “up to”", () => {
    const s = spec(ask("which deals have the most gigawatts")) as BarsSpec;
    const labels = s.panels[0]!.bars.map((b) => b.label);
    expect(labels).toContain("at least 10 GW [2]");
    expect(labels).toContain("up to 6 GW [5]");
    expect(s.panels[0]!.title).toBe("Capacity, gigawatts (GW)");
  });

  it("compares in one panel per unit, never two units on one axis, one colour per deal in every panel", () => {
    const answer = ask("compare the oracle and aws deals");
    const s = spec(answer) as BarsSpec;
    expect(s.kind).toBe("compare");
    expect(s.legend.map((l) => l.name)).toEqual(["OpenAI–Oracle Stargate cloud capacity agreement", "OpenAI–AWS cloud capacity agreement"]);
    const units = s.panels.map((p) => p.unit);
    expect(new Set(units).size).toBe(units.length);
    expect(units).toEqual(expect.arrayContaining(["USD", "GW", "years"]));
    for (const p of s.panels) {
      for (const b of p.bars) {
        const f = answer.figures[b.figures[0]!]!;
        expect(f.unit === "MW" ? "GW" : f.unit).toBe(p.unit);
        expect(b.label).toBe(cited(answer, b.figures[0]!));
        expect(b.series).toBe(f.dealId === "openai-oracle-2025" ? 0 : 1);
      }
    }
    // A figure with no single number is named under the chart, not drawn.
    expect(s.notes.join(" ")).toContain("hundreds of thousands of GPUs [8]");
  });

  it("draws a disputed figure as a range whose two ends carry both sources' labels", () => {
    const answer = ask("how much is the microsoft nscale deal worth");
    const s = spec(answer) as BarsSpec;
    const range = s.panels[0]!.bars.find((b) => b.low !== undefined)!;
    expect(range).toMatchObject({ value: 24e9, low: 14e9, label: "up to $24 billion [1]", lowLabel: "up to $14 billion [2]" });
    expect(range.note).toContain("sources differ");
    expect(s.alt).toContain("from up to $14 billion to up to $24 billion (sources differ)");
  });

  it("stacks a total from exactly the parts it was computed from, each with its [n]", () => {
    const answer = ask("how much has OpenAI committed in total?");
    const s = spec(answer) as TotalSpec;
    expect(s.kind).toBe("total");
    const total = answer.figures[s.total.figure]!;
    expect(s.total.label).toBe(`${total.display} (computed)`);
    expect(s.parts.map((p) => answer.figures[p.figure]!.factId).sort()).toEqual([...total.computedFrom!].sort());
    expect(s.parts.reduce((sum, p) => sum + p.value, 0)).toBeCloseTo(total.value!, -3);
    for (const p of s.parts) expect(p.label).toBe(cited(answer, p.figure));
    expect(s.notes[0]).toMatch(/computed/);
  });

  it("puts a company's deals on a timeline at their recorded announcement dates, with the reply's headline figures", () => {
    const company = findCompany(index, "Anthropic")!;
    const answer = companyCard(index, company);
    const s = spec(answer, company.name) as TimelineSpec;
    expect(s.kind).toBe("timeline");
    expect(s.title).toMatch(/^Anthropic: deals by announcement date/);
    expect(s.events.length).toBeGreaterThanOrEqual(2);
    expect(s.events.map((e) => e.date)).toEqual([...s.events.map((e) => e.date)].sort());
    for (const e of s.events) {
      expect(e.date).toBe(index.kb.deals.get(e.dealId)!.announced);
      expect(e.label).toBe(cited(answer, e.figure!));
    }
  });

  it("fades a superseded figure and marks it “superseded”", () => {
    const fig = (factId: string, n: number) => {
      const f = index.kb.facts.get(factId)!;
      return { factId, dealId: f.dealId, metric: f.metric, value: f.value ?? null, unit: f.unit, qualifier: f.qualifier, display: `${f.value} GW`, sources: [n] };
    };
    const answer: ChartAnswer = { question: "q", kind: "ranking", figures: [fig("stargate-2025.capacity-september", 1), fig("stargate-2025.capacity-july", 2), fig("openai-amd-2025.capacity", 3)] };
    const bars = (spec(answer) as BarsSpec).panels[0]!.bars;
    const old = bars.find((b) => b.figures[0] === 1)!;
    expect(old.superseded).toBe(true);
    expect(old.note).toBe("superseded");
    expect(bars.filter((b) => b.superseded)).toHaveLength(1);
  });

  it("draws nothing for a single undisputed figure or a reply without numbers", () => {
    expect(spec(ask("How much is OpenAI's AWS deal worth?"))).toBeUndefined();
    expect(spec(ask("hello"))).toBeUndefined();
  });

  it("sums each chart up in one sentence of alt text within Discord's 1,024 characters", () => {
    const company = findCompany(index, "OpenAI")!;
    const answers: Array<[ChartAnswer, string?]> = [[ask("biggest OpenAI deals")], [ask("compare the oracle and aws deals")], [ask("how much has OpenAI committed in total?")], [companyCard(index, company), "OpenAI"]];
    for (const [a, subject] of answers) {
      const alt = spec(a, subject)!.alt;
      expect(alt.length).toBeLessThanOrEqual(1024);
      expect(alt).toMatch(/^[A-Z].*\.$/s);
      expect(alt).not.toContain("\n");
    }
  });
});
