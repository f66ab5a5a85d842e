import path from "node:path";
import { hedgeProblem } from "./hedges.js";
import type { IntegrityMemo } from "./load-state.js";
import { quoteFigureProblem } from "./quote-figure.js";
import { quoteInSource } from "./quote-source.js";
import type { DealFile } from "./schema.js";
import type { Entity, LoadError, LoadedSource } from "./types.js";

/** What a deal's own checks read from the rest of the knowledge base. */
export interface DealContext {
  readonly entities: ReadonlyMap<string, Entity>;
  /** Numbers that are part of entity names ("Colossus 2"): not uncited figures. */
  readonly nameNumbers: ReadonlySet<string>;
  /** Changes whenever any entity does: a deal's checks are reused only under the same one. */
  readonly entitiesToken: object;
  readonly sources: ReadonlyMap<string, LoadedSource | undefined>;
}

/** A deal's own checks, as last run: reused while the deal, its file, the entities and every source it cites are the same objects. */
export interface DealCheck {
  readonly file: string;
  readonly entitiesToken: object;
  readonly sources: ReadonlyArray<LoadedSource | undefined>;
  readonly errors: readonly LoadError[];
}

/**
 * The checks of one deal that need no other deal: its id and file name, figures kept out of its
 * title and summary, references to entities and sources, each quote carrying its figure and hedge
 * and being found in its source, and its sourcing against its sources' tiers. Cross-deal checks
 * (duplicate ids, links, disputes) are in integrity.ts and deal-links.ts.
 */
export function checkDeal(file: string, deal: DealFile, ctx: DealContext, memo: IntegrityMemo): readonly LoadError[] {
  const sources = deal.facts.map((f) => ctx.sources.get(f.source));
  const known = memo.dealChecks.get(deal);
  if (known && known.file === file && known.entitiesToken === ctx.entitiesToken && known.sources.every((s, i) => s === sources[i])) return known.errors;

  const errors: LoadError[] = [];
  const err = (p: string, message: string) => errors.push({ file, path: p, message });
  const expectedFile = `${deal.id}.yaml`;
  if (path.basename(file) !== expectedFile) err("id", `deal id "${deal.id}" must match its file name (${expectedFile})`);
  for (const key of ["title", "summary"] as const) {
    const figure = uncitedFigure(deal[key], ctx.nameNumbers, String(deal.announced.year));
    if (figure) err(key, `contains the figure "${figure}"; figures belong in facts, where they are cited`);
  }
  deal.parties.forEach((party, i) => {
    if (!ctx.entities.has(party.entity)) err(`parties[${i}].entity`, `unknown entity "${party.entity}"`);
  });
  const tiers = new Set<string>();
  deal.facts.forEach((f, i) => {
    const p = `facts[${i}]`;
    if (!f.id.startsWith(`${deal.id}.`)) err(`${p}.id`, `fact ids are "<deal id>.<slug>": expected "${deal.id}.…"`);
    const source = sources[i];
    if (!source) err(`${p}.source`, `unknown source "${f.source}"`);
    else tiers.add(source.tier);
    for (const key of ["subject", "speaker"] as const) {
      const ref = f[key];
      if (ref !== undefined && !ctx.entities.has(ref)) err(`${p}.${key}`, `unknown entity "${ref}"`);
    }
    // "Part of the $15.2 billion total": a figure inside another must say which, or totals add it twice.
    if (f.note !== undefined && PART_OF_ANOTHER.test(f.note) && f.overlaps.length === 0) err(`${p}.overlaps`, "the note says this figure is part of (or includes) another; list that fact in overlaps so no total adds both");
    const problem = quoteProblem(f, memo);
    if (problem) err(`${p}.quote`, problem);
    if (source && !quoteInSource(source, f.quote)) {
      const where = source.textFile !== undefined ? "the text" : "the excerpts";
      err(`${p}.quote`, `quote not found verbatim in ${where} of its source "${source.id}"`);
    }
  });
  if (deal.sourcing === "vetted" && !tiers.has("A") && !tiers.has("B")) {
    err("sourcing", 'is "vetted" but no fact cites a tier A or B source; use "reported-not-vetted"');
  }
  if (deal.sourcing === "reported-not-vetted" && (tiers.has("A") || tiers.has("B"))) {
    err("sourcing", 'is "reported-not-vetted" but a fact cites a tier A or B source; use "vetted"');
  }
  memo.dealChecks.set(deal, { file, entitiesToken: ctx.entitiesToken, sources, errors });
  return errors;
}

const PART_OF_ANOTHER = /\b(?:(?:part of|counted within|included in|includes) the (?:\w+ )?(?:[$£€]\d|\d[\d.,]*\s?(?:billion|million|bn|gw|mw|%))|not in addition)/i;

/**
 * Whether the quote carries the figure as stored, remembered per parsed fact (a pure function of
 * the fact): a deal whose source changed is checked again, but its quotes' figures are not.
 */
function quoteProblem(f: DealFile["facts"][number], memo: IntegrityMemo): string | undefined {
  let problem = memo.quoteProblems.get(f);
  if (problem === undefined) {
    problem = quoteFigureProblem(f) ?? hedgeProblem(f) ?? null;
    memo.quoteProblems.set(f, problem);
  }
  return problem ?? undefined;
}

/** A number in free text that is neither a year of the deal nor part of a name like "Colossus 2". */
function uncitedFigure(text: string, nameNumbers: ReadonlySet<string>, year: string): string | undefined {
  for (const m of text.matchAll(/\$?(?<![\p{L}\d.])\d+(?:[.,]\d+)*(?![\p{L}\d])%?/gu)) {
    const n = m[0];
    if (n === year || /^20[0-3]\d$/.test(n) || nameNumbers.has(n)) continue;
    return n;
  }
  return undefined;
}
