import path from "node:path";
import { TimeSlicer } from "../time-slicer.js";
import { linkDeals } from "./deal-links.js";
import { checkEntities } from "./entity-checks.js";
import { checkDeal, type DealContext } from "./deal-checks.js";
import { deepFreeze, lockKb } from "./freeze.js";
import type { ParsedFiles } from "./load.js";
import { IntegrityMemo } from "./load-state.js";
import { urlKey } from "./quote-source.js";
import type { DealFile, Source } from "./schema.js";
import type { Deal, Entity, Fact, KnowledgeBase, LoadError, LoadResult, LoadedSource } from "./types.js";

/** Pages the vetted research list flags as factually wrong. They are never cited. */
export const BLOCKED_SOURCE_HOSTS = ["littletool.com", "openaimpact.com", "finblog.com", "thepaypers.com"];

export type ErrorSink = (file: string, p: string, message: string) => void;

/** Cross-file checks: unique ids and URLs, resolvable references, quotes that carry their figures and hedges. */
export async function checkIntegrity(
  parsed: ParsedFiles,
  contents: ReadonlyMap<string, string>,
  version: string,
  slicer = new TimeSlicer(),
  memo = new IntegrityMemo(),
  previous?: KnowledgeBase,
): Promise<LoadResult> {
  const errors: LoadError[] = [];
  const err: ErrorSink = (file, p, message) => errors.push({ file, path: p, message });

  const entities = new Map<string, Entity>();
  for (const { file, entity, index } of parsed.entities) {
    await slicer.tick();
    if (entities.has(entity.id)) err(file, `entities[${index}].id`, `duplicate entity id "${entity.id}"`);
    entities.set(entity.id, deepFreeze(entity));
  }
  for (const { file, entity, index } of parsed.entities) {
    if (entity.parent !== undefined && !entities.has(entity.parent)) {
      err(file, `entities[${index}].parent`, `unknown entity "${entity.parent}"`);
    }
  }
  // The entity guards (common words, shared aliases) read only the entities: run again only when one changed.
  const token = entitiesToken(parsed, memo);
  if (memo.entityChecks?.token !== token) memo.entityChecks = { token, errors: checkEntities(parsed.entities) };
  errors.push(...memo.entityChecks.errors);

  const sources = new Map<string, LoadedSource>();
  const urls = new Map<string, string>();
  for (const { file, absolute, source, pathPrefix } of parsed.sources) {
    await slicer.tick();
    if (sources.has(source.id)) err(file, `${pathPrefix}.id`, `duplicate source id "${source.id}"`);
    if (source.url !== undefined) {
      const { key, blocked } = urlOf(source, source.url, memo);
      if (blocked) {
        const host = new URL(source.url).hostname.replace(/^www\./, "");
        err(file, `${pathPrefix}.url`, `${host} is flagged as unreliable in the research list and must not be cited`);
      }
      const other = urls.get(key);
      if (other !== undefined && other !== source.id) err(file, `${pathPrefix}.url`, `source "${other}" already has this URL; cite that source by id`);
      else urls.set(key, source.id);
    }
    let fullText: string | undefined;
    if (source.textFile !== undefined) {
      fullText = contents.get(path.join(path.dirname(absolute), source.textFile));
      if (fullText === undefined) err(file, `${pathPrefix}.textFile`, `file "${source.textFile}" not found beside ${path.basename(file)}`);
    }
    sources.set(source.id, deepFreeze(loadedSource(source, fullText, memo)));
  }

  const deals = new Map<string, Deal>();
  const facts = new Map<string, Fact>();
  const disputes = new Map<string, string[]>();
  // Deals assembled anew in this load (their files changed); every other deal and fact is the object of an earlier load.
  const fresh = new Set<string>();
  const ctx: DealContext = { entities, sources, nameNumbers: nameNumbersOf(entities), entitiesToken: token };
  for (const { file, deal } of parsed.deals) {
    await slicer.tick();
    errors.push(...checkDeal(file, deal, ctx, memo));
    if (deals.has(deal.id)) err(file, "id", `duplicate deal id "${deal.id}"`);
    const assembled = assemble(file, deal, memo, fresh);
    deals.set(deal.id, assembled.deal);
    deal.facts.forEach((f, i) => {
      if (facts.has(f.id)) err(file, `facts[${i}].id`, `duplicate fact id "${f.id}"`);
      facts.set(f.id, assembled.facts[i]!);
      if (f.dispute !== undefined) disputes.set(f.dispute, [...(disputes.get(f.dispute) ?? []), f.id]);
    });
  }
  const factFile = locations(deals, facts);

  const linked = { deals: new Set<string>(), facts: new Set<string>() };
  await linkDeals(parsed, deals, facts, factFile, err, slicer, linked);
  const touched = { deals: new Set([...fresh, ...linked.deals]), facts: new Set(linked.facts) };
  for (const id of fresh) for (const f of deals.get(id)?.factIds ?? []) touched.facts.add(f);

  for (const [group, ids] of disputes) {
    if (ids.length < 2) {
      const loc = factFile.get(ids[0] ?? "");
      if (loc) err(loc.file, `${loc.p}.dispute`, `dispute group "${group}" has only one fact; a dispute needs two rival reports`);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  await keepEqual(previous, touched, deals, facts, disputes, slicer);
  const kb: KnowledgeBase = {
    entities,
    sources,
    deals,
    facts,
    disputes,
    version,
    loadedAt: new Date(),
  };
  lockKb(kb);
  memo.linked.set(kb, { against: previous, ...linked });
  memo.last = { kb, ...touched };
  return { ok: true, kb };
}

/** The source with its text attached: the same object while the parsed source and its text are the same. */
function loadedSource(source: Source, fullText: string | undefined, memo: IntegrityMemo): LoadedSource {
  if (fullText === undefined) return source;
  const known = memo.loadedSources.get(source);
  if (known && known.fullText === fullText) return known;
  const loaded = { ...source, fullText };
  memo.loadedSources.set(source, loaded);
  return loaded;
}

function urlOf(source: Source, url: string, memo: IntegrityMemo): { key: string; blocked: boolean } {
  let u = memo.urls.get(source);
  if (!u) {
    const host = new URL(url).hostname.replace(/^www\./, "");
    u = { key: urlKey(url), blocked: BLOCKED_SOURCE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`)) };
    memo.urls.set(source, u);
  }
  return u;
}

/** A deal file's deal and facts before links, frozen, made once per parsed deal file. */
export function assemble(file: string, deal: DealFile, memo: IntegrityMemo, fresh: Set<string>): { deal: Deal; facts: readonly Fact[] } {
  const known = memo.assembled.get(deal);
  if (known && known.file === file) return known;
  fresh.add(deal.id);
  const { sources: _s, facts, ...rest } = deal;
  const made = {
    file,
    deal: deepFreeze<Deal>({ ...rest, factIds: facts.map((f) => f.id), file, revisedBy: [], supersededBy: [] }),
    facts: facts.map((f) => deepFreeze<Fact>({ ...f, dealId: deal.id })),
  };
  memo.assembled.set(deal, made);
  return made;
}

/**
 * Freeze the objects made in this load (links applied, files edited) and, where one comes out equal
 * to the previous load's, keep the previous object: an unchanged fact or deal stays the same
 * reference, so a reload's diff compares references. Every other object is the previous load's.
 */
async function keepEqual(
  previous: KnowledgeBase | undefined,
  touched: { readonly deals: ReadonlySet<string>; readonly facts: ReadonlySet<string> },
  deals: Map<string, Deal>,
  facts: Map<string, Fact>,
  disputes: Map<string, string[]>,
  slicer: TimeSlicer,
): Promise<void> {
  const same = (a: object, b: object) => shallowSame(a, b) || JSON.stringify(a) === JSON.stringify(b);
  const pairs: Array<[ReadonlySet<string>, Map<string, object>, ReadonlyMap<string, object> | undefined]> = [
    [touched.deals, deals, previous?.deals],
    [touched.facts, facts, previous?.facts],
  ];
  for (const [ids, map, before] of pairs) {
    for (const id of ids) {
      const v = map.get(id);
      if (v === undefined) continue;
      const old = before?.get(id);
      if (old !== undefined && old !== v && same(old, v)) map.set(id, old);
      else deepFreeze(v);
      await slicer.tick();
    }
  }
  for (const [group, ids] of disputes) {
    const old = previous?.disputes.get(group) as string[] | undefined;
    disputes.set(group, old && sameItems(old, ids) ? old : (Object.freeze(ids) as string[]));
  }
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Same keys holding the same values, or arrays of the same items: a linked copy of an unchanged object. */
function shallowSame(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    return x === y || (Array.isArray(x) && Array.isArray(y) && sameItems(x, y));
  });
}

/** Where a fact is written, found when an error needs it rather than recorded for every fact. */
function locations(deals: ReadonlyMap<string, Deal>, facts: ReadonlyMap<string, Fact>) {
  return {
    get(id: string): { file: string; p: string } | undefined {
      const deal = deals.get(facts.get(id)?.dealId ?? "");
      const i = deal?.factIds.indexOf(id) ?? -1;
      return deal && i >= 0 ? { file: deal.file, p: `facts[${i}]` } : undefined;
    },
  };
}

export function nameNumbersOf(entities: ReadonlyMap<string, Entity>): Set<string> {
  return new Set([...entities.values()].flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.match(/\d+(?:\.\d+)?/g) ?? []));
}

/** The same token while every entity is the same parsed object as in the last load. */
export function entitiesToken(parsed: ParsedFiles, memo: IntegrityMemo): object {
  const list = parsed.entities.map((e) => e.entity);
  const last = memo.entities;
  if (list.length === last.list.length && list.every((e, i) => e === last.list[i])) return last.token;
  memo.entities = { list, token: {} };
  return memo.entities.token;
}
