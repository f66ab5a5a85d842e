/**
 * A reload applied as a diff carries the engine's per-deal and per-fact caches of the index in
 * service over to the new index, but for the deals and facts that changed (index-caches.ts). The
 * carried entries must be exactly what a fresh index computes, and an edited deal's must be new.
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/engine/answer.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { headlineFact } from "../../src/engine/compose/collections.js";
import { defaultRanking, rankedRow } from "../../src/engine/compose/ranking.js";
import { allCaches } from "../../src/engine/index-caches.js";
import { LiveIndex } from "../../src/engine/live-index.js";
import { titleNouns, titleWordsOf } from "../../src/engine/retrieve/deal-titles.js";
import { dealWords, factWordSet } from "../../src/engine/retrieve/deal-words.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { QUESTIONS, served } from "../helpers/index-equality.js";

const DATA = path.resolve(import.meta.dirname, "../../data");

/** Fill every cache for every deal and fact, as questions over time would. */
function fillAll(index: SearchIndex): void {
  for (const q of QUESTIONS) answerQuestion(index, q);
  for (const deal of index.kb.deals.values()) {
    titleWordsOf(index, deal);
    titleNouns(index, deal);
    headlineFact(index, deal);
    dealWords(index, deal);
  }
  for (const fact of index.kb.facts.values()) {
    factWordSet(index, fact);
    index.factWords.of(fact);
  }
}

function plain(v: unknown): unknown {
  if (v instanceof Map) return [...v].map(([k, x]) => [k, plain(x)]);
  if (v instanceof Set) return [...v].map(plain);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** A copy of the bundled data behind a live index whose engine caches are all filled. */
async function filledCopy() {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-carry-")), "data");
  await cp(DATA, dir, { recursive: true });
  const live = new LiveIndex(await openIndex(dir, { cacheDir: false }), dir);
  const old = live.get();
  fillAll(old);
  return { dir, live, old };
}

describe("engine caches carried over by a diff reload", () => {
  it("hold what a fresh index computes; unchanged deals keep their entries, edited ones get new ones", async () => {
    const { dir, live, old } = await filledCopy();

    // A curator's edit: a few words of a deal's title and summary, and a note on one of its facts.
    const file = path.join(dir, "deals", "openai-aws-2025.yaml");
    const deal = yaml.load(await readFile(file, "utf8"), { schema: yaml.CORE_SCHEMA }) as { id: string; title: string; summary: string; facts: Array<Record<string, unknown>> };
    const facts = deal.facts.map((f, i) => (i === 0 ? { ...f, note: "Curators revised this note." } : f));
    await writeFile(file, yaml.dump({ ...deal, title: `${deal.title} Keystone`, summary: `Curators revised this summary. ${deal.summary}`, facts }, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }));
    await new Promise((r) => setTimeout(r, 50));
    const report = await live.reload();
    expect(report).toMatchObject({ ok: true, how: "diff" });
    const now = live.get();
    expect(now).not.toBe(old);

    const fresh = await openIndex(dir, { cacheDir: false });
    fillAll(fresh);
    const edited = deal.id;
    const editedFact = String(deal.facts[0]!.id);
    const unchanged = [...now.kb.deals.keys()].find((id) => id !== edited && now.kb.deals.get(id) === old.kb.deals.get(id))!;
    expect(unchanged).toBeDefined();
    let carried = 0;
    for (const cache of allCaches()) {
      // Only what the reload carried and warmed so far: nothing has asked the new index anything yet.
      const ids = cache.idsOf(now);
      for (const id of ids) expect(plain(cache.get(now, id)), `${cache.keyedBy} ${id}`).toEqual(plain(cache.get(fresh, id)));
      const key = cache.keyedBy === "deal" ? unchanged : [...now.kb.facts.keys()].find((id) => id !== editedFact && now.kb.facts.get(id) === old.kb.facts.get(id))!;
      if (cache.get(old, key) !== undefined) {
        expect(cache.get(now, key), `${cache.keyedBy} cache: carried`).toBe(cache.get(old, key));
        carried++;
      }
      const stale = cache.keyedBy === "deal" ? edited : editedFact;
      if (cache.get(now, stale) !== undefined) expect(cache.get(now, stale), `${cache.keyedBy} cache: recomputed`).not.toBe(cache.get(old, stale));
    }
    expect(carried).toBeGreaterThanOrEqual(5);
    expect(plain(now.factWords.of(now.kb.facts.get(editedFact)!))).toEqual(plain(fresh.factWords.of(fresh.kb.facts.get(editedFact)!)));
    expect(now.factWords.of(now.kb.facts.get(editedFact)!)).not.toBe(old.factWords.of(old.kb.facts.get(editedFact)!));

    expect(defaultRanking(now)).toEqual(defaultRanking(fresh));

    // And the answers are those of a fresh index (served asks the fixed questions).
    expect(served(now)).toEqual(served(fresh));
  }, 60_000);

  it("carries the default ranking when an edit leaves it in order, with the edited deal's new object", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-carry-")), "data");
    await cp(DATA, dir, { recursive: true });
    const live = new LiveIndex(await openIndex(dir, { cacheDir: false }), dir);
    const old = live.get();
    const ranked = defaultRanking(old);
    const id = ranked[Math.floor(ranked.length / 2)]!.split(" ")[0]!;
    const file = path.join(dir, "deals", old.kb.deals.get(id)!.file.split("/").pop()!);
    const text = await readFile(file, "utf8");
    const edited = text.replace(/^summary: "?/m, (m) => `${m}Curators revised this summary. `);
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    await new Promise((r) => setTimeout(r, 50));
    expect(await live.reload()).toMatchObject({ ok: true, how: "diff" });
    const now = live.get();
    const fresh = await openIndex(dir, { cacheDir: false });
    expect(defaultRanking(now)).toEqual(defaultRanking(fresh));
    expect(rankedRow(now, id)!.d).toBe(now.kb.deals.get(id));
    expect(rankedRow(now, id)!.f).toBe(rankedRow(old, id)!.f);
    // Carried, not built again: the other deals' rows are the old ones.
    const other = ranked.find((r) => !r.startsWith(`${id} `))!.split(" ")[0]!;
    expect(rankedRow(now, other)).toBe(rankedRow(old, other));
    expect(served(now)).toEqual(served(fresh));
  }, 60_000);

  it("a full reload built aside with the same entities carries them too, but for what changed", async () => {
    const { dir, live, old } = await filledCopy();
    const file = path.join(dir, "deals", "openai-aws-2025.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^summary: "?/m, (m) => `${m}Curators revised this summary. `));
    expect(await live.reload({ rebuild: true })).toMatchObject({ ok: true, how: "rebuild" });
    const now = live.get();
    const fresh = await openIndex(dir, { cacheDir: false });
    fillAll(fresh);
    const unchanged = [...now.kb.deals.keys()].find((id) => id !== "openai-aws-2025" && now.kb.deals.get(id) === old.kb.deals.get(id))!;
    for (const cache of allCaches()) {
      for (const id of cache.idsOf(now)) expect(plain(cache.get(now, id)), `${cache.keyedBy} ${id}`).toEqual(plain(cache.get(fresh, id)));
      if (cache.keyedBy === "deal" && cache.get(old, unchanged) !== undefined) expect(cache.get(now, unchanged)).toBe(cache.get(old, unchanged));
      if (cache.keyedBy === "deal" && cache.get(now, "openai-aws-2025") !== undefined) expect(cache.get(now, "openai-aws-2025")).not.toBe(cache.get(old, "openai-aws-2025"));
    }
    expect(defaultRanking(now)).toEqual(defaultRanking(fresh));
    expect(served(now)).toEqual(served(fresh));
  }, 60_000);
});
