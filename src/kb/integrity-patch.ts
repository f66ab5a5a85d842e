import { checkDeal, type DealContext } from "./deal-checks.js";
import { deepFreeze, lockKb } from "./freeze.js";
import { assemble, entitiesToken, nameNumbersOf } from "./integrity.js";
import type { ParsedFiles } from "./load.js";
import type { FileRecord, IntegrityMemo } from "./load-state.js";
import type { DealFile } from "./schema.js";
import type { TimeSlicer } from "../time-slicer.js";
import type { Deal, Entity, Fact, KnowledgeBase, LoadResult } from "./types.js";

/** Past this many edited deal files, the whole-knowledge-base checks are as cheap as patching. */
const MAX_PATCHED_FILES = 500;

const numbersOf = new WeakMap<ReadonlyMap<string, Entity>, ReadonlySet<string>>();

/**
 * The knowledge base for an edit of deal files that leaves every cross-file relation as it was,
 * made from the one in service by replacing the edited deals and their facts; undefined when the
 * edit may change anything else, or when an edited deal has errors, so the caller runs the full
 * checks (which report errors in their usual order).
 *
 * The edit qualifies when the files are the same files as those `previous` was loaded from, and
 * only deal files changed, each keeping its id, its sources (equal by value) and everything links,
 * disputes and duplicate checks read: its status, its revises and supersedes, and per fact the id,
 * metric, unit, supersedes, overlaps and dispute. Then the cross-file checks passed by `previous`
 * pass again, the links give the edited deals and facts exactly what they gave them before
 * (revisedBy, supersededBy, supersededByDeal, overlaps), and every other object is unchanged: only
 * the edited deals' own checks run. At 100k facts this takes a one-file reload's checks from an
 * O(facts) pass of ~500 ms to a few milliseconds.
 */
export async function patchIntegrity(
  records: ReadonlyMap<string, FileRecord>,
  parsed: ParsedFiles,
  version: string,
  memo: IntegrityMemo,
  previous: KnowledgeBase | undefined,
  slicer: TimeSlicer,
): Promise<LoadResult | undefined> {
  const before = previous && memo.inputs.get(previous);
  const linkedBefore = previous && memo.linked.get(previous);
  if (!previous || !before || !linkedBefore || before.size !== records.size) return undefined;
  const edited: Array<{ was: DealFile; now: DealFile }> = [];
  const old = before.entries();
  let n = 0;
  for (const [abs, r] of records) {
    if (++n % 512 === 0) await slicer.tick();
    const next = old.next();
    if (next.done) return undefined;
    const [oldAbs, p] = next.value;
    if (oldAbs !== abs || p.kind !== r.kind) return undefined;
    if (p.valid === r.valid && p.text === r.text) continue;
    if (p.valid?.kind !== "deal" || r.valid?.kind !== "deal" || edited.length >= MAX_PATCHED_FILES) return undefined;
    const was = p.valid.deal;
    const now = r.valid.deal;
    if (was.id !== now.id || linkKey(was) !== linkKey(now) || JSON.stringify(was.sources) !== JSON.stringify(now.sources)) return undefined;
    edited.push({ was, now });
  }

  let nameNumbers = numbersOf.get(previous.entities);
  if (!nameNumbers) numbersOf.set(previous.entities, (nameNumbers = nameNumbersOf(previous.entities)));
  const ctx: DealContext = { entities: previous.entities, sources: previous.sources, nameNumbers, entitiesToken: entitiesToken(parsed, memo) };
  // Copied in slices: a copy of 100k facts in one step took 45-80 ms. With nothing edited (a full
  // reload of unchanged files) the locked maps in service are shared, as entities and sources are:
  // the copy's growth past 65,536 facts alone blocked the loop for 15-35 ms.
  await slicer.tick();
  const shared = edited.length === 0;
  const deals = shared ? previous.deals : await copyMap(previous.deals, slicer);
  const facts = shared ? previous.facts : await copyMap(previous.facts, slicer);
  const touched = { deals: new Set<string>(), facts: new Set<string>() };
  for (const { now } of edited) {
    const was = previous.deals.get(now.id);
    if (!was) return undefined;
    if (checkDeal(was.file, now, ctx, memo).length > 0) return undefined;
    const made = assemble(was.file, now, memo, new Set());
    (deals as Map<string, Deal>).set(now.id, keep(was, linkedDeal(made.deal, was)));
    touched.deals.add(now.id);
    for (const fact of made.facts) {
      const prior = previous.facts.get(fact.id);
      if (!prior) return undefined;
      (facts as Map<string, Fact>).set(fact.id, keep(prior, linkedFact(fact, prior)));
      touched.facts.add(fact.id);
    }
  }

  const kb: KnowledgeBase = { entities: previous.entities, sources: previous.sources, deals, facts, disputes: previous.disputes, version, loadedAt: new Date() };
  lockKb(kb);
  // The linked copies are those of `previous` (an edited deal or fact is one only where it was one there): the next load must compare them.
  memo.linked.set(kb, { against: previous, deals: linkedBefore.deals, facts: linkedBefore.facts });
  memo.last = { kb, ...touched };
  memo.inputs.set(kb, records);
  return { ok: true, kb };
}

async function copyMap<V>(map: ReadonlyMap<string, V>, slicer: TimeSlicer): Promise<Map<string, V>> {
  const copy = new Map<string, V>();
  let n = 0;
  for (const [k, v] of map) {
    copy.set(k, v);
    if (++n % 512 === 0) await slicer.tick();
  }
  return copy;
}

/** Everything of a deal file that links, disputes and duplicate checks read. */
function linkKey(d: DealFile): string {
  return JSON.stringify([d.status, d.revises, d.supersedes, d.facts.map((f) => [f.id, f.metric, f.unit, f.supersedes, f.overlaps, f.dispute])]);
}

/** The deal as the links leave it: what they gave the same deal in the knowledge base in service. */
function linkedDeal(deal: Deal, was: Deal): Deal {
  if (was.revisedBy.length === 0 && was.supersededBy.length === 0) return deal;
  return { ...deal, revisedBy: was.revisedBy, supersededBy: was.supersededBy };
}

/** The fact as the links leave it (the keys in the order linkDeals adds them). */
function linkedFact(fact: Fact, was: Fact): Fact {
  if (was.supersededBy === undefined && was.supersededByDeal === undefined && was.overlaps === fact.overlaps) return fact;
  return {
    ...fact,
    ...(was.supersededBy !== undefined ? { supersededBy: was.supersededBy } : {}),
    ...(was.supersededByDeal !== undefined ? { supersededByDeal: was.supersededByDeal } : {}),
    overlaps: was.overlaps,
  };
}

/** The object in service when the new one is equal to it (so a diff compares references), else the new one, frozen. */
function keep<T extends object>(was: T, now: T): T {
  if (was === now || JSON.stringify(was) === JSON.stringify(now)) return was;
  return deepFreeze(now);
}
