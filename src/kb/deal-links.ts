import type { TimeSlicer } from "../time-slicer.js";
import type { ErrorSink } from "./integrity.js";
import type { ParsedFiles } from "./load.js";
import type { Deal, Fact } from "./types.js";
import { SUPERSEDED_STATUSES } from "./vocabulary.js";

type Locations = { get(id: string): { file: string; p: string } | undefined };

/**
 * Links between deals and between facts: revises, supersedes (deal and fact level) and overlaps.
 * A deal named in another's `supersedes` must say it was scrapped or superseded, and every one of
 * its facts is then marked as superseded, so no figure of the old deal is served as current.
 * Every deal and fact replaced by a linked copy is named in `touched`.
 */
export async function linkDeals(
  parsed: ParsedFiles,
  deals: Map<string, Deal>,
  facts: Map<string, Fact>,
  factFile: Locations,
  err: ErrorSink,
  slicer: TimeSlicer,
  touched: { readonly deals: Set<string>; readonly facts: Set<string> } = { deals: new Set(), facts: new Set() },
): Promise<void> {
  const replacedBy = new Map<string, string>();
  for (const { file, deal } of parsed.deals) {
    await slicer.tick();
    for (const key of ["revises", "supersedes"] as const) {
      deal[key].forEach((ref, i) => {
        const target = deals.get(ref);
        if (!target) return err(file, `${key}[${i}]`, `unknown deal "${ref}"`);
        if (ref === deal.id) return err(file, `${key}[${i}]`, "a deal cannot revise or supersede itself");
        const updated = { ...target, revisedBy: [...target.revisedBy, deal.id] };
        if (key === "supersedes") {
          if (!SUPERSEDED_STATUSES.includes(target.status)) {
            err(file, `${key}[${i}]`, `deal "${ref}" has status "${target.status}"; a superseded deal's status must be ${SUPERSEDED_STATUSES.map((s) => `"${s}"`).join(" or ")}`);
          }
          updated.supersededBy = [...target.supersededBy, deal.id];
          replacedBy.set(ref, deal.id);
        }
        deals.set(ref, updated);
        touched.deals.add(ref);
      });
    }
  }

  for (const [id, fact] of facts) {
    if (fact.supersedes === undefined) continue;
    await slicer.tick();
    const loc = factFile.get(id);
    for (const earlier of [fact.supersedes].flat()) {
      const old = facts.get(earlier);
      if (!old) {
        if (loc) err(loc.file, `${loc.p}.supersedes`, `unknown fact "${earlier}"`);
        continue;
      }
      facts.set(old.id, { ...old, supersededBy: id });
      touched.facts.add(old.id);
    }
  }

  for (const [oldDeal, newDeal] of replacedBy) {
    const replacement = deals.get(newDeal);
    for (const factId of deals.get(oldDeal)?.factIds ?? []) {
      const old = facts.get(factId);
      if (!old) continue;
      // The current figure is the superseding deal's fact of the same metric; failing that, the deal itself.
      const same = replacement?.factIds.map((f) => facts.get(f)).find((f) => f?.metric === old.metric && f.unit === old.unit);
      facts.set(factId, { ...old, supersededBy: old.supersededBy ?? same?.id ?? newDeal, supersededByDeal: newDeal });
      touched.facts.add(factId);
    }
  }

  const overlaps = new Map<string, Set<string>>();
  for (const [id, fact] of facts) {
    fact.overlaps.forEach((other, i) => {
      if (!facts.has(other)) {
        const loc = factFile.get(id);
        if (loc) err(loc.file, `${loc.p}.overlaps[${i}]`, `unknown fact "${other}"`);
        return;
      }
      for (const [a, b] of [[id, other], [other, id]] as const) overlaps.set(a, (overlaps.get(a) ?? new Set()).add(b));
    });
  }
  for (const [id, set] of overlaps) {
    const fact = facts.get(id);
    if (fact) {
      facts.set(id, { ...fact, overlaps: [...set].sort() });
      touched.facts.add(id);
    }
  }
}
