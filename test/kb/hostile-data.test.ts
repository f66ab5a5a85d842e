/**
 * Data files written to hurt the loader (reliability probe §1): alias bombs (D1), symbolic links
 * and link loops (D3), content echoed in errors (D4) and bytes that are not UTF-8 (D12).
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { MINIMAL, makeDataDir } from "../helpers/data-dir.js";

const SECRET = "DISCORD_TOKEN=MTAwMDAwMDAwMDAwMDAwMDAwMQ.FAKE.supersecret-token-value";

function errorsOf(result: LoadResult): string[] {
  if (result.ok) throw new Error("expected the load to fail");
  return result.errors.map(formatLoadError);
}

/** The probe's bomb: `lol0..lolN` anchors under an unknown key, each 9 aliases of the one before. */
function aliasBomb(levels: number, fields: readonly string[]): string {
  const lines = ['  lol0: &l0 "lol"'];
  for (let i = 1; i <= levels; i++) lines.push(`  lol${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(",")}]`);
  let deal = MINIMAL["deals/openai-aws.yaml"]!.replace("id: openai-aws\n", `id: openai-aws\nx:\n${lines.join("\n")}\n`);
  for (const f of fields) deal = deal.replace(new RegExp(`^${f}: .*$`, "m"), `${f}: *l${levels}`);
  return deal;
}

describe("D1: YAML alias bombs", () => {
  it("refuses a level-9 bomb in five fields of three files quickly, naming each file and the anchor's line", async () => {
    const bomb = aliasBomb(9, ["title", "type", "status", "announced", "summary"]);
    const dir = await makeDataDir({ "deals/openai-aws.yaml": bomb, "deals/zz-bomb-1.yaml": bomb, "deals/zz-bomb-2.yaml": bomb });
    const started = performance.now();
    const errors = errorsOf(await loadKnowledgeBase(dir));
    const ms = performance.now() - started;

    expect(errors).toEqual([
      expect.stringMatching(/^data\/deals\/openai-aws\.yaml: YAML anchors and aliases .* not allowed .*line 3/),
      expect.stringMatching(/^data\/deals\/zz-bomb-1\.yaml: YAML anchors/),
      expect.stringMatching(/^data\/deals\/zz-bomb-2\.yaml: YAML anchors/),
    ]);
    // Generous for a shared CI machine; the old loader took 10 s and 2.4 GB at level 8, and died at 9.
    expect(ms).toBeLessThan(4000);
  }, 5000);

  it("still accepts '&' and '*' inside plain text and quotes", async () => {
    const deal = MINIMAL["deals/openai-aws.yaml"]!.replace("summary: OpenAI buys cloud capacity from AWS.", 'summary: "R&D *and* compute: OpenAI buys capacity from AWS."');
    const result = await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": deal }));
    expect(result.ok ? "" : result.errors.map(formatLoadError).join("\n")).toBe("");
  });
});

describe("D3: symbolic links are not followed", () => {
  it("refuses two directory links that form loops, by name, without walking them", async () => {
    const dir = await makeDataDir();
    await symlink("..", path.join(dir, "deals", "a"));
    await symlink("..", path.join(dir, "deals", "b"));
    const started = performance.now();
    const errors = errorsOf(await loadKnowledgeBase(dir));

    expect(errors).toEqual([
      "data/deals/a: is a symbolic link; links are not followed, so copy the file instead",
      "data/deals/b: is a symbolic link; links are not followed, so copy the file instead",
    ]);
    expect(performance.now() - started).toBeLessThan(4000);
  }, 5000);

  it("refuses a link to a valid deal file outside DATA_DIR by name, and does not load that deal", async () => {
    const outside = await makeDataDir();
    const other = path.join(path.dirname(outside), "outside.yaml");
    await writeFile(other, MINIMAL["deals/openai-aws.yaml"]!.replace(/openai-aws/g, "outside-deal"));
    const dir = await makeDataDir();
    await symlink(other, path.join(dir, "deals", "zz-outside.yaml"));

    expect(errorsOf(await loadKnowledgeBase(dir))).toEqual([
      "data/deals/zz-outside.yaml: is a symbolic link to a file outside the data directory; it was refused",
    ]);
  });

  it("loads a DATA_DIR that is itself a link (a deploy's current release)", async () => {
    const dir = await makeDataDir();
    const link = path.join(path.dirname(dir), "current");
    await symlink(dir, link);
    const result = await loadKnowledgeBase(link);
    expect(result.ok).toBe(true);
  });

  it("caps folder depth", async () => {
    const dir = await makeDataDir();
    await mkdir(path.join(dir, "deals", "a", "b", "c", "d"), { recursive: true });
    expect(errorsOf(await loadKnowledgeBase(dir))).toEqual(["data/deals/a/b/c/d: folder nested deeper than 4 levels; it was not read"]);
  });
});

describe("D4: errors describe values, never echo them", () => {
  it("a linked .env-style file is refused unread, and a scalar file's content never appears in the error", async () => {
    const dir = await makeDataDir({ "deals/zz-scalar.yaml": `"${SECRET}"\n` });
    const env = path.join(path.dirname(dir), ".env");
    await writeFile(env, `${SECRET} ADMIN_USER_IDS=1400000000000000009\n`);
    await symlink(env, path.join(dir, "deals", "zz-secret.yaml"));

    const errors = errorsOf(await loadKnowledgeBase(dir));

    expect(errors).toContain("data/deals/zz-secret.yaml: is a symbolic link to a file outside the data directory; it was refused");
    expect(errors).toContain(`data/deals/zz-scalar.yaml: must be a object (got a string of ${SECRET.length} characters)`);
    expect(errors.join("\n")).not.toContain("supersecret");
  });

  it("describes a wrong-typed list by its length", async () => {
    const deal = MINIMAL["deals/openai-aws.yaml"]!.replace("title: OpenAI–AWS agreement", "title: [secret-a, secret-b, secret-c]");
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "deals/openai-aws.yaml": deal })));
    expect(errors).toContain("data/deals/openai-aws.yaml: title: must be a string (got a list of 3 items)");
  });
});

describe("D12: text that is not UTF-8", () => {
  it("is an error naming the file and line, not a title served with U+FFFD", async () => {
    const dir = await makeDataDir();
    const file = path.join(dir, "deals", "openai-aws.yaml");
    const text = await readFile(file);
    const at = text.indexOf("OpenAI–AWS agreement");
    const bad = Buffer.concat([text.subarray(0, at + 7), Buffer.from([0xe9, 0xff, 0xfe, 0x20]), text.subarray(at + 7)]);
    await writeFile(file, bad);

    expect(errorsOf(await loadKnowledgeBase(dir))).toEqual([
      "data/deals/openai-aws.yaml: is not valid UTF-8 text (first bad byte on line 2); save it as UTF-8",
    ]);
  });
});
