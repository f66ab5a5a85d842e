import type { Answer } from "../engine/answer-model.js";
import { renderPlain } from "./plain.js";

/** The `ask --json` shape: the plain reply plus its figures and sources, machine-readable. */
export function toJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    text: renderPlain(answer),
    figures: answer.figures.map((f) => ({
      factId: f.factId,
      dealId: f.dealId,
      metric: f.metric,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      display: f.display,
      sources: f.sources,
      ...(f.computedFrom ? { computedFrom: f.computedFrom } : {}),
    })),
    sources: answer.sources.map((s) => ({
      n: s.n,
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      published: s.published?.iso ?? null,
      quote: s.quote,
      tier: s.tier,
    })),
  };
}
