import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import type { Fact, KnowledgeBase } from "../../src/kb/types.js";

const REFERENCE = "../shared/reference/seed-article.txt";
const SCALE: Record<string, number> = { trillion: 1e12, billion: 1e9, million: 1e6 };
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3 };

/** Every figure the article states, found by reading it rather than by listing them by hand. */
function figuresIn(article: string): Array<{ text: string; value: number; unit: string }> {
  const out: Array<{ text: string; value: number; unit: string }> = [];
  const re = /(\$)?(\d+(?:\.\d+)?|one|two|three)\s*(trillion|billion|million)?\s*(gigawatts?|gigawatt)?/gi;
  for (const m of article.matchAll(re)) {
    const [text, dollar, num, scale, gw] = m;
    if (!num) continue;
    const base = WORDS[num.toLowerCase()] ?? Number(num);
    if (WORDS[num.toLowerCase()] !== undefined && !gw) continue;
    const value = base * (scale ? SCALE[scale.toLowerCase()]! : 1);
    const unit = dollar ? "USD" : gw ? "GW" : /^20\d\d$/.test(num) ? "year" : "count";
    out.push({ text: text.trim(), value, unit });
  }
  return out;
}

describe("the seed article", () => {
  let kb: KnowledgeBase;
  let article: string;
  let seedFacts: Fact[];
  beforeAll(async () => {
    const result = await loadKnowledgeBase("data");
    if (!result.ok) throw new Error("data must load");
    kb = result.kb;
    article = await readFile("data/sources/seed-article.txt", "utf8");
    seedFacts = [...kb.facts.values()].filter((f) => f.source === "seed-article");
  });

  it.skipIf(!existsSync(REFERENCE))("is held in data/ exactly as in the shared reference", async () => {
    expect(article).toBe(await readFile(REFERENCE, "utf8"));
  });

  it("has every one of its numbers present as a fact that cites it", () => {
    const figures = figuresIn(article);
    expect(figures.length).toBeGreaterThanOrEqual(11);
    const missing = figures.filter(({ value, unit }) =>
      !seedFacts.some((f) => {
        if (unit === "year") return f.date?.year === value || f.text?.includes(String(value));
        if (unit === "GW") return (f.unit === "GW" || f.unit === "GW/week") && f.value === value;
        if (unit === "USD") return f.unit === "USD" && f.value === value;
        return f.value === value;
      }),
    );
    // A figure the data deliberately leaves out must say so in the source's note, with the reason
    // (the research list marks Amazon's "$2.74 trillion" NOT VERIFIED); every other figure is a fact.
    const note = kb.sources.get("seed-article")?.note ?? "";
    const unexplained = missing.filter((m) => !(note.includes(m.text) && /NOT VERIFIED/.test(note)));
    expect(unexplained.map((m) => m.text)).toEqual([]);
  });

  it("has its unquantified figures as facts too: the chips, the start, the reliance on Azure and the right of first refusal", () => {
    const texts = seedFacts.map((f) => `${f.text ?? ""} ${f.quote}`.toLowerCase());
    for (const phrase of ["hundreds of thousands", "immediately", "azure", "right of first refusal", "scaling frontier ai requires massive, reliable compute"]) {
      expect(texts.some((t) => t.includes(phrase)), phrase).toBe(true);
    }
  });
});
