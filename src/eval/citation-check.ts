import type { Answer } from "../engine/answer-model.js";
import type { SearchIndex } from "../engine/search-index.js";
import { renderBody } from "../render/plain.js";

const NUMBER = /(?<![\p{L}\d.])\d+(?:[.,]\d+)*(?![\p{L}\d])/gu;

/**
 * Numbers in a reply body that no cited figure accounts for. A number may appear when it is part
 * of a cited figure's display or date, or of a name (a deal title, a company); nothing else.
 */
export function uncitedNumbers(answer: Answer, index: SearchIndex): string[] {
  const allowed = new Set<string>();
  const addAll = (s: string) => {
    for (const m of s.matchAll(NUMBER)) allowed.add(m[0]);
  };
  for (const f of answer.figures) {
    if (f.sources.length === 0) continue;
    addAll(f.display);
    const fact = f.factId ? index.kb.facts.get(f.factId) : undefined;
    if (fact) addAll(fact.asOf.iso.replace(/-/g, " "));
  }
  for (const d of index.kb.deals.values()) addAll(d.title);
  // The curated words of the deals and facts the answer cites: summaries and status notes (the loader
  // keeps uncited figures out of them), and each cited fact's label, scope and text. Their numbers
  // are dates and names ("from 2027", "Hut 8"), not figures.
  const cited = new Set(answer.figures.map((f) => f.dealId).filter((d): d is string => d !== null));
  for (const id of cited) {
    const d = index.kb.deals.get(id);
    if (d) [d.summary, (d as { statusNote?: string }).statusNote ?? ""].forEach(addAll);
  }
  for (const f of answer.figures) {
    const fact = f.factId ? index.kb.facts.get(f.factId) : undefined;
    if (fact) [fact.label ?? "", fact.scope ?? "", fact.text ?? "", fact.estimatedBy ?? ""].forEach(addAll);
  }
  for (const e of index.kb.entities.values()) [e.name, ...e.aliases].forEach(addAll);
  const body = renderBody(answer).replace(/\[\d+\]/g, "");
  return [...body.matchAll(NUMBER)].map((m) => m[0]).filter((n) => !allowed.has(n));
}

/** Figures that misstate their fact, or computed figures that do not add up. */
export function figureProblems(answer: Answer, index: SearchIndex): string[] {
  const problems: string[] = [];
  for (const f of answer.figures) {
    if (f.sources.length === 0) problems.push(`figure "${f.display}" has no source`);
    if (f.factId) {
      const fact = index.kb.facts.get(f.factId);
      if (!fact) problems.push(`figure "${f.display}" cites unknown fact ${f.factId}`);
      else if ((fact.value ?? null) !== f.value) problems.push(`figure "${f.display}" says ${f.value}, fact says ${fact.value}`);
    } else if (f.computedFrom) {
      const parts = f.computedFrom.map((id) => index.kb.facts.get(id));
      const sum = parts.reduce((s, p) => s + (p?.unit === "MW" && f.unit === "GW" ? (p.value ?? 0) / 1000 : (p?.value ?? 0)), 0);
      if (f.value === null || Math.abs(sum - f.value) > Math.abs(sum) * 1e-9) problems.push(`computed "${f.display}" is not the sum of its parts (${sum})`);
    }
  }
  for (const [i, s] of answer.sources.entries()) if (s.n !== i + 1) problems.push(`source numbering broken at ${s.n}`);
  return problems;
}
