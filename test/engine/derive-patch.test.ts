/**
 * A one-file edit applied as a diff patches the index's derived maps (derive-patch.ts): for deals
 * linked to others (revised, superseded, with overlapping or disputed facts) the index served
 * after each edit must equal a fresh build of the same files.
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { openIndex } from "../../src/engine/bootstrap.js";
import { LiveIndex } from "../../src/engine/live-index.js";
import { served } from "../helpers/index-equality.js";

const DATA = path.resolve(import.meta.dirname, "../../data");
const dump = (d: unknown) => yaml.dump(d, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });

describe("derived maps patched for an edit of linked deals", () => {
  it("serve what a fresh build serves", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "dealdesk-derive-patch-")), "data");
    await cp(DATA, dir, { recursive: true });
    const live = new LiveIndex(await openIndex(dir, { cacheDir: false }), dir);
    const kb = live.get().kb;
    const linked = [...kb.deals.values()].filter((d) => d.revisedBy.length > 0 || d.revises.length > 0 || d.supersedes.length > 0 || d.supersededBy.length > 0).slice(0, 10);
    expect(linked.length).toBeGreaterThan(3);
    for (const [i, deal] of linked.entries()) {
      const file = path.join(dir, "deals", `${deal.id}.yaml`);
      const data = yaml.load(await readFile(file, "utf8"), { schema: yaml.CORE_SCHEMA }) as { summary: string; facts: Array<Record<string, unknown>> };
      const facts = data.facts.map((f, j) => (j === i % data.facts.length ? { ...f, note: "Curators checked this figure." } : f));
      await writeFile(file, dump({ ...data, summary: `${data.summary} Curators revised it.`, facts }));
      const report = await live.reload();
      expect(report, deal.id).toMatchObject({ ok: true, how: "diff" });
      expect(served(live.get()), deal.id).toEqual(served(await openIndex(dir, { cacheDir: false })));
    }
  }, 120_000);
});
