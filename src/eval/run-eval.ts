import { readFile } from "node:fs/promises";
import yaml from "js-yaml";
import { answerQuestion, type ConversationContext, EMPTY_CONTEXT } from "../engine/answer.js";
import type { Answer } from "../engine/answer-model.js";
import type { SearchIndex } from "../engine/search-index.js";
import { renderBody } from "../render/plain.js";
import { type EvalCase, evalFileSchema } from "./eval-schema.js";

export interface EvalResult {
  readonly case: EvalCase;
  readonly answer: Answer;
  readonly problems: readonly string[];
}

export async function readEvalCases(file: string): Promise<EvalCase[]> {
  return evalFileSchema.parse(yaml.load(await readFile(file, "utf8")));
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

/** What is wrong with an answer, judged against the case's expectations; empty when it passes. */
export function judge(c: EvalCase, answer: Answer): string[] {
  const problems: string[] = [];
  const body = renderBody(answer).toLowerCase();
  if (answer.answered !== c.expect.answered) problems.push(`answered=${answer.answered}, expected ${c.expect.answered}`);
  for (const v of c.expect.values) {
    if (!answer.figures.some((f) => f.value !== null && close(f.value, v))) problems.push(`missing figure ${v}`);
  }
  for (const t of c.expect.texts) if (!body.includes(t.toLowerCase())) problems.push(`missing text "${t}"`);
  for (const t of c.expect.absent) if (body.includes(t.toLowerCase())) problems.push(`unexpected text "${t}"`);
  for (const d of c.expect.deals) if (!answer.figures.some((f) => f.dealId === d)) problems.push(`no figure from deal ${d}`);
  if (c.expect.computed && !answer.figures.some((f) => f.computedFrom)) problems.push("no computed figure");
  return problems;
}

/** Run every case in order; a follow-up continues the previous case's conversation. */
export function runEval(index: SearchIndex, cases: readonly EvalCase[]): EvalResult[] {
  let context: ConversationContext = EMPTY_CONTEXT;
  return cases.map((c) => {
    const turn = answerQuestion(index, c.q, c.followUp ? context : EMPTY_CONTEXT);
    context = turn.context;
    return { case: c, answer: turn.answer, problems: judge(c, turn.answer) };
  });
}

export function accuracy(results: readonly EvalResult[]): number {
  return results.length === 0 ? 0 : results.filter((r) => r.problems.length === 0).length / results.length;
}
