/**
 * An edit of deal files that keeps every cross-file relation is applied by patching the knowledge
 * base in service (integrity-patch.ts); the result must equal a fresh load of the same files, key
 * order included, for deals that are linked to others (revised, superseded, overlapping, disputed).
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { LoadState } from "../../src/kb/load-state.js";
import type { KnowledgeBase } from "../../src/kb/types.js";

const DATA = path.resolve(import.meta.dirname, "../../data");

type DealYaml = { id: string; summary: string; sources: Array<Record<string, unknown>>; facts: Array<Record<string, unknown>> };
const dump = (d: unknown) => yaml.dump(d, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });

const asText = (kb: KnowledgeBase) => ({
  deals: [...kb.deals].map(([k, v]) => [k, JSON.stringify(v)]),
  facts: [...kb.facts].map(([k, v]) => [k, JSON.stringify(v)]),
  sources: [...kb.sources].map(([k, v]) => [k, JSON.stringify(v)]),
  disputes: [...kb.disputes],
  version: kb.version,
});

async function copyData(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-patch-")), "data");
  await cp(DATA, dir, { recursive: true });
  return dir;
}

async function loaded(dir: string, state?: LoadState): Promise<KnowledgeBase> {
  const r = await loadKnowledgeBase(dir, state);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file} ${e.path} ${e.message}`).join("\n"));
  return r.kb;
}

/** Deals whose objects the links rewrite, or that rewrite others'. */
function linkedDeals(kb: KnowledgeBase): string[] {
  return [...kb.deals.values()]
    .filter((d) => d.revisedBy.length > 0 || d.supersededBy.length > 0 || d.revises.length > 0 || d.supersedes.length > 0 ||
      d.factIds.some((id) => { const f = kb.facts.get(id); return f !== undefined && (f.supersededBy !== undefined || f.overlaps.length > 0 || f.dispute !== undefined || f.supersedes !== undefined); }))
    .map((d) => d.id);
}

describe("patching the knowledge base for an edit of deal files", () => {
  it("gives what a fresh load gives, for every linked deal, and remakes only the edited deal", async () => {
    const dir = await copyData();
    const state = new LoadState();
    state.accept(await loaded(dir, state));
    const ids = linkedDeals(state.previous!);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const file = path.join(dir, "deals", `${id}.yaml`);
      const deal = yaml.load(await readFile(file, "utf8"), { schema: yaml.CORE_SCHEMA }) as DealYaml;
      const facts = deal.facts.map((f, i) => (i === 0 ? { ...f, note: "Curators checked this figure." } : f));
      await writeFile(file, dump({ ...deal, summary: `${deal.summary} Curators revised it.`, facts }));
      const before = state.previous!;
      const kb = await loaded(dir, state);
      expect(asText(kb), id).toEqual(asText(await loaded(dir)));
      // Patched: only the edited deal and its facts were made again; everything else is the object in service.
      expect(state.memo.last?.deals, id).toEqual(new Set([id]));
      for (const [k, v] of kb.facts) if (v.dealId !== id) expect(v).toBe(before.facts.get(k));
      state.accept(kb);
    }
  }, 60_000);

  it("checks again from scratch when an edit changes a link, and reports an edited deal's errors as a full check does", async () => {
    const dir = await copyData();
    const state = new LoadState();
    state.accept(await loaded(dir, state));
    const id = linkedDeals(state.previous!).find((d) => (state.previous!.deals.get(d)?.revises.length ?? 0) > 0)!;
    const file = path.join(dir, "deals", `${id}.yaml`);
    const original = await readFile(file, "utf8");
    const deal = yaml.load(original, { schema: yaml.CORE_SCHEMA }) as DealYaml & { revises: string[] };

    await writeFile(file, dump({ ...deal, revises: [] }));
    const unlinked = await loaded(dir, state);
    expect(asText(unlinked)).toEqual(asText(await loaded(dir)));
    state.accept(unlinked);

    await writeFile(file, original);
    const relinked = await loaded(dir, state);
    expect(asText(relinked)).toEqual(asText(await loaded(dir)));
    state.accept(relinked);

    // An error of the edited deal alone (a quote its source does not hold): the same report as a fresh load's.
    const facts = deal.facts.map((f, i) => (i === 0 ? { ...f, quote: "Words no source holds." } : f));
    await writeFile(file, dump({ ...deal, facts }));
    const broken = await loadKnowledgeBase(dir, state);
    const fresh = await loadKnowledgeBase(dir);
    expect(broken.ok).toBe(false);
    expect(broken).toEqual(fresh);
  }, 60_000);
});
