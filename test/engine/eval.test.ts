import { beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { figureProblems, uncitedNumbers } from "../../src/eval/citation-check.js";
import { accuracy, type EvalResult, readEvalCases, runEval } from "../../src/eval/run-eval.js";
import { bundledIndex } from "../helpers/bundled-index.js";

describe("the project's own eval set", () => {
  let index: SearchIndex;
  let results: EvalResult[];
  beforeAll(async () => {
    index = await bundledIndex();
    results = runEval(index, await readEvalCases("eval/questions.yaml"));
  });

  it("has at least 80 questions", () => {
    expect(results.length).toBeGreaterThanOrEqual(80);
  });

  it("scores at least 95%", () => {
    const failures = results.filter((r) => r.problems.length > 0).map((r) => `${r.case.q}: ${r.problems.join("; ")}`);
    expect(accuracy(results), failures.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("puts no number in any reply that a cited figure does not account for", () => {
    const offenders = results
      .map((r) => ({ q: r.case.q, numbers: uncitedNumbers(r.answer, index), problems: figureProblems(r.answer, index) }))
      .filter((o) => o.numbers.length > 0 || o.problems.length > 0);
    expect(offenders).toEqual([]);
  });

  it("gives no figure at all when it says it cannot answer", () => {
    const leaky = results.filter((r) => !r.answer.answered && r.answer.figures.length > 0).map((r) => r.case.q);
    expect(leaky).toEqual([]);
  });
});
