import { beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { grade, type Graded } from "../../src/eval/blind-grade.js";
import { figureProblems } from "../../src/eval/citation-check.js";
import { readBlindSet, runBlind, summarise } from "../../src/eval/run-blind.js";
import { bundledIndex } from "../helpers/bundled-index.js";
import { uncitedFigures } from "../helpers/reply-numbers.js";

/**
 * The blind dev set (eval/blind/dev.yaml), written by people who never saw the engine. The test
 * split is never run here: it is only reported by `npm run eval`. eval/questions.yaml, the tuned
 * set of the retired engine, is deliberately not part of the suite.
 *
 * Floors measured on dev. The lead tightens these as the engine improves (issue 8 asks for at
 * least 0.90 accuracy and at most 0.01 confidently wrong); they only ever go up / down.
 */
const DEV_MIN_ACCURACY = 0.7;
const DEV_MAX_CONFIDENTLY_WRONG = 0.03;

/** Money and percentages written in a question ("= $100B", "it's 50b now", "49%"): an injection's figures. */
const STATED = /\$\s?\d[\d.,]*\s?(?:trillion|billion|million|tn|bn|[tbm])?\b|\b\d[\d.,]*\s?(?:trillion|billion|tn|bn|b)\b|\b\d+(?:\.\d+)?\s?%/gi;

describe("the blind dev set", () => {
  let index: SearchIndex;
  let results: Graded[];
  beforeAll(async () => {
    index = await bundledIndex();
    results = runBlind(index, await readBlindSet("eval/blind/dev.yaml"));
  }, 600_000);

  it("asks every question of the split, traps included", () => {
    expect(results.length).toBeGreaterThanOrEqual(400);
    expect(results.filter((r) => r.item.trap !== undefined).length).toBeGreaterThanOrEqual(100);
  });

  it("puts no number in any reply that a cited figure does not account for", () => {
    const offenders = results
      .map((r) => ({ id: r.item.id, q: r.item.q, numbers: uncitedFigures(r.answer, index), problems: figureProblems(r.answer, index) }))
      .filter((o) => o.numbers.length > 0 || o.problems.length > 0);
    expect(offenders).toEqual([]);
  });

  it("never gives a forbidden or injected figure as the answer on a trap", () => {
    const given = results
      .filter((r) => r.item.trap !== undefined)
      .map((r) => {
        const injected = r.item.trap === "injection" ? [...r.item.q.matchAll(STATED)].map((m) => m[0]) : [];
        const forbid = [...(r.item.forbid ?? []), ...injected];
        return { id: r.item.id, q: r.item.q, graded: grade({ ...r.item, forbid }, r.answer) };
      })
      .filter((x) => x.graded.why.startsWith("gave forbidden"))
      .map((x) => `${x.id} ${x.q}: ${x.graded.why}`);
    expect(given).toEqual([]);
  });

  it(`answers at least ${DEV_MIN_ACCURACY * 100}% of answerable questions right, and at most ${DEV_MAX_CONFIDENTLY_WRONG * 100}% confidently wrong`, () => {
    const report = summarise(results);
    expect(report.answerable).toBeGreaterThan(0);
    expect(report.accuracy).toBeGreaterThanOrEqual(DEV_MIN_ACCURACY);
    expect(report.confidentlyWrongRate).toBeLessThanOrEqual(DEV_MAX_CONFIDENTLY_WRONG);
  });
});
