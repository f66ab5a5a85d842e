import path from "node:path";
import { TimeSlicer } from "../time-slicer.js";
import { linkDeals } from "./deal-links.js";
import { checkEntities } from "./entity-checks.js";
import { hedgeProblem } from "./hedges.js";
import type { ParsedFiles } from "./load.js";
import { quoteFigureProblem } from "./quote-figure.js";
import { quoteInSource, urlKey } from "./quote-source.js";
import type { Deal, Entity, Fact, KnowledgeBase, LoadError, LoadResult, LoadedSource } from "./types.js";
import type { Qualifier, Unit } from "./vocabulary.js";

/** Pages the vetted research list flags as factually wrong. They are never cited. */
export const BLOCKED_SOURCE_HOSTS = ["littletool.com", "openaimpact.com", "finblog.com", "thepaypers.com"];

export type ErrorSink = (file: string, p: string, message: string) => void;

/** Cross-file checks: unique ids and URLs, resolvable references, quotes that carry their figures and hedges. */
export async function checkIntegrity(parsed: ParsedFiles, contents: Map<string, string>, version: string, slicer = new TimeSlicer()): Promise<LoadResult> {
  const errors: LoadError[] = [];
  const err: ErrorSink = (file, p, message) => errors.push({ file, path: p, message });

  const entities = new Map<string, Entity>();
  for (const { file, entity, index } of parsed.entities) {
    await slicer.tick();
    if (entities.has(entity.id)) err(file, `entities[${index}].id`, `duplicate entity id "${entity.id}"`);
    entities.set(entity.id, entity);
  }
  for (const { file, entity, index } of parsed.entities) {
    if (entity.parent !== undefined && !entities.has(entity.parent)) {
      err(file, `entities[${index}].parent`, `unknown entity "${entity.parent}"`);
    }
  }
  errors.push(...checkEntities(parsed.entities));

  const sources = new Map<string, LoadedSource>();
  const urls = new Map<string, string>();
  for (const { file, absolute, source, pathPrefix } of parsed.sources) {
    await slicer.tick();
    if (sources.has(source.id)) err(file, `${pathPrefix}.id`, `duplicate source id "${source.id}"`);
    if (source.url !== undefined) {
      const host = new URL(source.url).hostname.replace(/^www\./, "");
      if (BLOCKED_SOURCE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) {
        err(file, `${pathPrefix}.url`, `${host} is flagged as unreliable in the research list and must not be cited`);
      }
      const other = urls.get(urlKey(source.url));
      if (other !== undefined && other !== source.id) err(file, `${pathPrefix}.url`, `source "${other}" already has this URL; cite that source by id`);
      else urls.set(urlKey(source.url), source.id);
    }
    let fullText: string | undefined;
    if (source.textFile !== undefined) {
      fullText = contents.get(path.join(path.dirname(absolute), source.textFile));
      if (fullText === undefined) err(file, `${pathPrefix}.textFile`, `file "${source.textFile}" not found beside ${path.basename(file)}`);
    }
    sources.set(source.id, fullText === undefined ? source : { ...source, fullText });
  }

  const deals = new Map<string, Deal>();
  const facts = new Map<string, Fact>();
  const disputes = new Map<string, string[]>();
  const factFile = new Map<string, { file: string; p: string }>();

  const nameNumbers = new Set([...entities.values()].flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.match(/\d+(?:\.\d+)?/g) ?? []));
  for (const { file, deal } of parsed.deals) {
    await slicer.tick();
    const expectedFile = `${deal.id}.yaml`;
    if (path.basename(file) !== expectedFile) err(file, "id", `deal id "${deal.id}" must match its file name (${expectedFile})`);
    for (const key of ["title", "summary"] as const) {
      const figure = uncitedFigure(deal[key], nameNumbers, String(deal.announced.year));
      if (figure) err(file, key, `contains the figure "${figure}"; figures belong in facts, where they are cited`);
    }
    if (deals.has(deal.id)) err(file, "id", `duplicate deal id "${deal.id}"`);
    const { sources: _s, facts: dealFacts, ...rest } = deal;
    deals.set(deal.id, { ...rest, factIds: dealFacts.map((f) => f.id), file, revisedBy: [], supersededBy: [] });
    deal.parties.forEach((party, i) => {
      if (!entities.has(party.entity)) err(file, `parties[${i}].entity`, `unknown entity "${party.entity}"`);
    });
    const tiers = new Set<string>();
    dealFacts.forEach((f, i) => {
      const p = `facts[${i}]`;
      if (!f.id.startsWith(`${deal.id}.`)) err(file, `${p}.id`, `fact ids are "<deal id>.<slug>": expected "${deal.id}.…"`);
      if (facts.has(f.id)) err(file, `${p}.id`, `duplicate fact id "${f.id}"`);
      facts.set(f.id, { ...f, dealId: deal.id });
      factFile.set(f.id, { file, p });
      const source = sources.get(f.source);
      if (!source) err(file, `${p}.source`, `unknown source "${f.source}"`);
      else tiers.add(source.tier);
      for (const key of ["subject", "speaker"] as const) {
        const ref = f[key];
        if (ref !== undefined && !entities.has(ref)) err(file, `${p}.${key}`, `unknown entity "${ref}"`);
      }
      const problem = quoteProblem(f);
      if (problem) err(file, `${p}.quote`, problem);
      if (source && !quoteInSource(source, f.quote)) {
        const where = source.textFile !== undefined ? "the text" : "the excerpts";
        err(file, `${p}.quote`, `quote not found verbatim in ${where} of its source "${source.id}"`);
      }
      if (f.dispute !== undefined) disputes.set(f.dispute, [...(disputes.get(f.dispute) ?? []), f.id]);
    });
    if (deal.sourcing === "vetted" && !tiers.has("A") && !tiers.has("B")) {
      err(file, "sourcing", 'is "vetted" but no fact cites a tier A or B source; use "reported-not-vetted"');
    }
    if (deal.sourcing === "reported-not-vetted" && (tiers.has("A") || tiers.has("B"))) {
      err(file, "sourcing", 'is "reported-not-vetted" but a fact cites a tier A or B source; use "vetted"');
    }
  }

  await linkDeals(parsed, deals, facts, factFile, err, slicer);

  for (const [group, ids] of disputes) {
    if (ids.length < 2) {
      const loc = factFile.get(ids[0] ?? "");
      if (loc) err(loc.file, `${loc.p}.dispute`, `dispute group "${group}" has only one fact; a dispute needs two rival reports`);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const kb: KnowledgeBase = {
    entities,
    sources,
    deals,
    facts,
    disputes,
    version,
    loadedAt: new Date(),
  };
  await deepFreezeKb(kb, slicer);
  return { ok: true, kb };
}

const quoteProblems = new WeakMap<object, string | null>();

/**
 * Whether the quote carries the figure as stored, remembered per parsed fact: a reload reuses the
 * parsed facts of unchanged files (see load.ts), so only facts of edited files are checked again
 * (at 100k facts these checks were the largest part of a load).
 */
function quoteProblem(f: { value?: number | undefined; unit: Unit; text?: string | undefined; qualifier: Qualifier; quote: string }): string | undefined {
  let problem = quoteProblems.get(f);
  if (problem === undefined) {
    problem = quoteFigureProblem(f) ?? hedgeProblem(f) ?? null;
    quoteProblems.set(f, problem);
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

/** Freeze everything in the knowledge base, a few thousand objects at a time. */
async function deepFreezeKb(kb: KnowledgeBase, slicer: TimeSlicer): Promise<void> {
  for (const map of [kb.entities, kb.sources, kb.deals, kb.facts, kb.disputes] as ReadonlyArray<ReadonlyMap<string, unknown>>) {
    for (const v of map.values()) {
      deepFreeze(v);
      await slicer.tick();
    }
    lockMap(map as Map<string, unknown>);
  }
  Object.freeze(kb);
}

function lockMap(value: Map<string, unknown>): void {
  // A frozen Map can still be mutated through set(); block the mutators.
  for (const m of ["set", "delete", "clear"] as const) {
    Object.defineProperty(value, m, { value: () => { throw new TypeError("knowledge base is read-only"); } });
  }
  Object.freeze(value);
}

function deepFreeze<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    lockMap(value as Map<string, unknown>);
  } else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return Object.freeze(value);
}
