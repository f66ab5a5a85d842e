/** ChartSpec from real answers on the bundled data: what each chart shows, and that it shows only cited figures. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { companyCard } from "../../src/engine/cards.js";
import { formatFact } from "../../src/engine/format.js";
import { findCompany } from "../../src/engine/lookup.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { chartSpecFor, type ChartAnswer, type ChartSpec } from "../../src/render/chart/index.js";
import { formatDay } from "../../src/render/chart/build-other.js";
import type { BarsSpec, ChartFigure, TimelineSpec, TotalSpec } from "../../src/render/chart/spec.js";

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
/** An Answer figure for a fact of the bundled data, written as the engine writes it, citing source n. */
const figureOf = (factId: string, n: number): ChartFigure => {
  const f = index.kb.facts.get(factId)!;
  return { factId, dealId: f.dealId, metric: f.metric, value: f.value ?? null, unit: f.unit, qualifier: f.qualifier, display: formatFact(f), sources: [n] };
};

/** Each bar sits in the panel of its unit, is labelled with the reply's figure and [n], and is coloured by its deal (Oracle first). */
function expectBarsOfOracleAndAws(answer: ChartAnswer, s: BarsSpec): void {
  for (const p of s.panels) {
    for (const b of p.bars) {
      const f = answer.figures[b.figures[0]!]!;
      expect(f.unit === "MW" ? "GW" : f.unit).toBe(p.unit);
      expect(b.label).toBe(cited(answer, b.figures[0]!));
      expect(b.series).toBe(f.dealId === "openai-oracle-2025" ? 0 : 1);
    }
  }
}

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
    // The reply lists its dollar figures largest first; the chart keeps that order, so its top bar is the reply's first.
    const usd = answer.primary.filter((i) => answer.figures[i]!.unit === "USD");
    expect(bars.map((b) => b.figures[0])).toEqual(usd.slice(0, 10));
    expect(bars[0]!.value).toBe(Math.max(...usd.map((i) => answer.figures[i]!.value!)));
    expect(bars[0]!.label).toBe(cited(answer, usd[0]!));
  });

  it("keeps the qualifier in the label: “as much as”, “over”, “nearly”, “up to”", () => {
    const qualifiers = new Set<string>();
    for (const question of ["which deals have the most gigawatts", "biggest Meta deals"]) {
      const answer = ask(question);
      const s = spec(answer) as BarsSpec;
      for (const b of s.panels[0]!.bars) {
        const f = answer.figures[b.figures[0]!]!;
        expect(b.label).toBe(cited(answer, b.figures[0]!));
        if (f.qualifier === "none") continue;
        expect(b.label.startsWith(`${f.qualifier} `), b.label).toBe(true);
        qualifiers.add(f.qualifier);
      }
    }
    // The questions must still draw ceilings and floors of several kinds, or this test shows nothing.
    expect(qualifiers.size, [...qualifiers].join(", ")).toBeGreaterThanOrEqual(3);
    expect((spec(ask("which deals have the most gigawatts")) as BarsSpec).panels[0]!.title).toBe("Capacity, gigawatts (GW)");
  });

  it("compares the reply's deals with one colour per deal, each bar the reply's figure and [n]", () => {
    const answer = ask("compare the oracle and aws deals");
    const s = spec(answer) as BarsSpec;
    expect(s.kind).toBe("compare");
    expect(s.legend.map((l) => l.name)).toEqual(["OpenAI–Oracle Stargate cloud capacity agreement", "OpenAI–AWS cloud capacity agreement"]);
    const drawn = s.panels.flatMap((p) => p.bars.map((b) => b.figures[0]!));
    expect([...drawn].sort()).toEqual([...answer.primary].sort());
    expectBarsOfOracleAndAws(answer, s);
  });

  it("compares in one panel per unit, never two units on one axis, one colour per deal in every panel", () => {
    // The engine's comparison gives one headline figure per deal, so the mixed units are built here
    // from the two deals' own facts: value, capacity and length, and a chip count with no single number.
    const ids = ["openai-oracle-2025.value", "openai-aws-2025.value", "openai-oracle-2025.capacity", "openai-oracle-2025.duration", "openai-aws-2025.duration", "openai-aws-2025.gpus"];
    const answer: ChartAnswer = { question: "q", kind: "compare", figures: ids.map((id, i) => figureOf(id, i + 1)) };
    const s = spec(answer) as BarsSpec;
    expect(s.kind).toBe("compare");
    expect(s.legend.map((l) => l.name)).toEqual(["OpenAI–Oracle Stargate cloud capacity agreement", "OpenAI–AWS cloud capacity agreement"]);
    const units = s.panels.map((p) => p.unit);
    expect(new Set(units).size).toBe(units.length);
    expect(units).toEqual(expect.arrayContaining(["USD", "GW", "years"]));
    expectBarsOfOracleAndAws(answer, s);
    // Every figure with a number is drawn once; the one with no single number is named under the chart, not drawn.
    expect(s.panels.flatMap((p) => p.bars.map((b) => b.figures[0])).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(s.notes.join(" ")).toContain(cited(answer, 5));
  });

  it("draws a disputed figure as a range whose two ends carry both sources' labels", () => {
    const answer = ask("how much is the microsoft nscale deal across europe and the us worth");
    const s = spec(answer) as BarsSpec;
    const range = s.panels[0]!.bars.find((b) => b.low !== undefined)!;
    expect(range.figures).toHaveLength(2);
    // The two ends are rival figures of one dispute in the data, each with its own source.
    const [lo, hi] = range.figures.map((i) => answer.figures[i]!);
    const dispute = index.kb.facts.get(lo!.factId!)!.dispute;
    expect(dispute).toBeDefined();
    expect(index.kb.facts.get(hi!.factId!)!.dispute).toBe(dispute);
    expect(lo!.sources).not.toEqual(hi!.sources);
    expect(lo!.value!).toBeLessThan(hi!.value!);
    expect(range).toMatchObject({ value: hi!.value, low: lo!.value, label: cited(answer, range.figures[1]!), lowLabel: cited(answer, range.figures[0]!) });
    expect(range.note).toContain("sources differ");
    expect(s.alt).toContain(`from ${lo!.display} to ${hi!.display} (sources differ)`);
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
      expect(e.date).toBe(index.kb.deals.get(e.dealId)!.announced.iso);
      expect(e.label).toBe(cited(answer, e.figure!));
    }
  });

  it("writes a date recorded only to the month or year at that precision, never a made-up day", () => {
    expect(formatDay("2025-10-23")).toBe("23 Oct 2025");
    expect(formatDay("2025-10")).toBe("Oct 2025");
    expect(formatDay("2025")).toBe("2025");
    const company = findCompany(index, "Oracle")!;
    const s = spec(companyCard(index, company), company.name) as TimelineSpec;
    const first = s.events[0]!;
    // Oracle's earliest deal is recorded to the month only, so the alt text must say so.
    expect(index.kb.deals.get(first.dealId)!.announced.precision).not.toBe("day");
    expect(s.alt).toContain(` in ${formatDay(first.date)} (`);
    expect(s.alt).not.toMatch(/undefined|NaN/);
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
