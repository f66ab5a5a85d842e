/**
 * Issue 14: a reload applies a data change as a diff of the index in service. Property test: seeded
 * random edits, additions, deletions and breakages of deal files in a copy of the bundled data;
 * after each one the reloaded index serves exactly what a fresh build of the same files serves.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { Rng } from "../../bench/rng.js";
import { openIndex } from "../../src/engine/bootstrap.js";
import { LiveIndex } from "../../src/engine/live-index.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { served } from "../helpers/index-equality.js";

const DATA = path.resolve(import.meta.dirname, "../../data");
/** More seeds and steps for a longer run: RELOAD_PROPERTY_SEEDS=1,2,3 RELOAD_PROPERTY_STEPS=60. */
const SEEDS = (process.env.RELOAD_PROPERTY_SEEDS ?? "14,41").split(",").map(Number);
const STEPS = Number(process.env.RELOAD_PROPERTY_STEPS ?? 20);
const WORDS = ["Alpha", "Harbor", "Summit", "curators", "revised", "phase", "Keystone", "regional", "expansion", "Meridian"];

type Deal = Record<string, unknown> & { id: string; title: string; summary: string; facts: Array<Record<string, unknown>>; sources: Array<Record<string, unknown>> };

const load = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Deal;
const dump = (deal: Deal) => yaml.dump(deal, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });

/** A copy of a deal under a new id: its own facts and sources renamed, references to them too. */
function copyOf(deal: Deal, id: string): Deal {
  const text = JSON.stringify(deal);
  let renamed = text.split(`"${deal.id}.`).join(`"${id}.`);
  for (const s of deal.sources ?? []) renamed = renamed.split(`"${String(s.id)}"`).join(`"${String(s.id)}-${id}"`);
  const copy = JSON.parse(renamed) as Deal;
  copy.id = id;
  for (const s of copy.sources ?? []) if (typeof s.url === "string") s.url = `${s.url}${s.url.includes("?") ? "&" : "?"}copy=${id}`;
  return copy;
}

/**
 * One random change. `undo` records each file's text before it (null: the file is new); a change
 * the loader refuses is undone before the next one, so the data does not stay broken.
 */
async function step(dir: string, rng: Rng, added: string[], undo: Map<string, string | null>): Promise<string> {
  const deals = path.join(dir, "deals");
  for (const [file, text] of undo) {
    if (text === null) await rm(file);
    else await writeFile(file, text);
  }
  undo.clear();
  const files = (await readdir(deals)).filter((f) => f.endsWith(".yaml"));
  const file = path.join(deals, files[rng.int(0, files.length - 1)]!);
  const original = await readFile(file, "utf8");
  const deal = load(original);
  undo.set(file, original);
  const word = WORDS[rng.int(0, WORDS.length - 1)]!;
  switch (rng.int(0, 7)) {
    case 0:
      await writeFile(file, dump({ ...deal, summary: `${deal.summary} ${word} notes.` }));
      return `summary of ${deal.id}`;
    case 1:
      await writeFile(file, dump({ ...deal, title: `${deal.title} ${word}` }));
      return `title of ${deal.id}`;
    case 2: {
      const i = rng.int(0, deal.facts.length - 1);
      const facts = deal.facts.map((f, j) => (j === i ? { ...f, note: `${word} note on this figure` } : f));
      await writeFile(file, dump({ ...deal, facts }));
      return `note on a fact of ${deal.id}`;
    }
    case 3: {
      if (deal.facts.length < 2) return "nothing";
      await writeFile(file, dump({ ...deal, facts: deal.facts.slice(0, -1) }));
      return `last fact of ${deal.id} removed`;
    }
    case 4:
    case 5: {
      const id = `${deal.id}-copy-${rng.int(1000, 9999)}`.replace(/-\d{4}-copy/, "-copy");
      await writeFile(path.join(deals, `${id}.yaml`), dump(copyOf(deal, id)));
      undo.set(path.join(deals, `${id}.yaml`), null);
      added.push(id);
      return `copy ${id} added`;
    }
    case 6: {
      const id = added.length > 0 && rng.float() < 0.8 ? added.splice(rng.int(0, added.length - 1), 1)[0]! : deal.id;
      const target = path.join(deals, `${id}.yaml`);
      undo.set(target, await readFile(target, "utf8"));
      await rm(target);
      return `${id} deleted`;
    }
    default:
      await writeFile(file, "id: [broken\n");
      return `${deal.id} broken`;
  }
}

describe("incremental reload (issue 14)", () => {
  it.each(SEEDS)("seed %i: after every random edit, addition, deletion or breakage, serves what a fresh build of the same files serves", async (seed) => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-incremental-")), "data");
    await cp(DATA, dir, { recursive: true });
    const live = new LiveIndex(await openIndex(dir), dir);
    const rng = new Rng(seed);
    const added: string[] = [];
    const undo = new Map<string, string | null>();
    let diffs = 0;
    for (let i = 0; i < STEPS; i++) {
      const what = await step(dir, rng, added, undo);
      const before = live.get();
      const report = await live.reload();
      const fresh = await loadKnowledgeBase(dir);
      expect(report.ok, `step ${i} (${what}): reload and fresh load agree on validity`).toBe(fresh.ok);
      if (!report.ok) {
        // A failed reload leaves the index in service untouched.
        expect(live.get()).toBe(before);
        continue;
      }
      undo.clear();
      if (report.how === "diff") diffs++;
      expect(served(live.get()), `step ${i}: ${what}`).toEqual(served(await openIndex(dir)));
    }
    expect(diffs).toBeGreaterThan(STEPS / 3);
  }, 240_000);

  it("a change that fails validation leaves the index in service and its search engines untouched", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-incremental-")), "data");
    await cp(DATA, dir, { recursive: true });
    const live = new LiveIndex(await openIndex(dir), dir);
    const before = live.get();
    const servedBefore = served(before);
    const file = path.join(dir, "deals", "openai-aws-2025.yaml");
    const deal = load(await readFile(file, "utf8"));
    // Valid YAML and a valid deal on its own, but it names an entity no file defines, and its new title words would change the search engines.
    await writeFile(file, dump({ ...deal, title: `${deal.title} Keystone`, parties: [{ entity: "no-such-company", role: "buyer" }] }));
    const report = await live.reload();
    expect(report).toMatchObject({ ok: false, errors: [{ file: "data/deals/openai-aws-2025.yaml", path: "parties[0].entity" }] });
    expect(live.get()).toBe(before);
    expect(served(live.get())).toEqual(servedBefore);

    // Fixed, it applies as a diff.
    await writeFile(file, dump({ ...deal, title: `${deal.title} Keystone` }));
    const fixed = await live.reload();
    expect(fixed).toMatchObject({ ok: true, how: "diff", added: [], removed: [], changed: [] });
    expect(served(live.get())).toEqual(served(await openIndex(dir)));
  }, 60_000);
});
