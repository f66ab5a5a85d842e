/**
 * /admin reload against hostile data in a running bot (reliability probe §1, §3): the reply is fast,
 * names the file first, carries no secret, and the old index keeps answering; the queue never wedges.
 */
import { readdir, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import yaml from "js-yaml";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN, ADMINISTRATOR, ALICE, askSlash, callbackOf, CHANNEL_ID, copyDataDir, editOf, EPHEMERAL, GUILD, QUESTION, startHarness, TOKEN,
  type Harness,
} from "./harness.js";

const SECRET_PART = TOKEN.split(".").at(-1)!;
const DEAL = "deals/openai-aws-2025.yaml";

let h: Harness;
let data: Awaited<ReturnType<typeof copyDataDir>>;
let good: string;

beforeAll(async () => {
  data = await copyDataDir();
  good = await readFile(path.join(data.dir, DEAL), "utf8");
  h = await startHarness({ env: { DATA_DIR: data.dir } });
});

afterAll(async () => {
  await h?.stop();
  await data?.remove();
});

async function reload(subcommand = "reload", options: Array<{ name: string; type: number; value: string | number | boolean }> = []) {
  const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ADMIN, memberPermissions: ADMINISTRATOR, name: "admin", subcommand, options });
  const edit = await editOf(h.fake, sent);
  return { title: edit.body.embeds[0].title as string, description: edit.body.embeds[0].description as string, raw: JSON.stringify(edit.body) };
}

/** The probe's level-8 bomb in five fields of the deal file. */
function bomb(): string {
  const lines = ['  lol0: &l0 "lol"'];
  for (let i = 1; i <= 8; i++) lines.push(`  lol${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(",")}]`);
  let d = good.replace("id: openai-aws-2025\n", `id: openai-aws-2025\nx:\n${lines.join("\n")}\n`);
  for (const k of ["title", "type", "status", "announced", "summary"]) d = d.replace(new RegExp(`^${k}: .*$`, "m"), `${k}: *l8`);
  return d;
}

describe("/admin reload with hostile data", () => {
  it("D1: three alias-bombed files are refused in well under a second, naming each file, and /ask keeps answering", async () => {
    for (const f of [DEAL, "deals/zz-bomb-1.yaml", "deals/zz-bomb-2.yaml"]) await writeFile(path.join(data.dir, f), bomb());
    const started = Date.now();
    const [report, answer] = await Promise.all([reload(), askSlash(h, ALICE, QUESTION)]);
    const elapsed = Date.now() - started;
    // Clean up before asserting: a failed assertion must not leave bombs behind for the next tests.
    for (const f of ["deals/zz-bomb-1.yaml", "deals/zz-bomb-2.yaml"]) await rm(path.join(data.dir, f));
    await writeFile(path.join(data.dir, DEAL), good);

    expect(elapsed).toBeLessThan(3000);
    expect(report.title).toBe("Reload failed");
    expect(report.description).toMatch(/^reload failed; still answering from the previous data\. 3 errors:\n• data\/deals\/openai-aws-2025\.yaml: YAML anchors/);
    expect(answer.body.data.embeds[0].description).toContain("**$38 billion**");
  });

  it("D3: two loop links are refused by name, and the next reload (links removed) still reports", async () => {
    await symlink("..", path.join(data.dir, "deals", "a"));
    await symlink("..", path.join(data.dir, "deals", "b"));
    const looped = await reload();
    await unlink(path.join(data.dir, "deals", "a"));
    await unlink(path.join(data.dir, "deals", "b"));
    const next = await reload();

    expect(looped.description).toContain("• data/deals/a: is a symbolic link; links are not followed");
    expect(next.title).toBe("Reload complete");
  });

  it("D4: a link to an outside .env is refused by name, and no reply carries the token", async () => {
    const env = path.join(path.dirname(data.dir), ".env");
    await writeFile(env, `DISCORD_TOKEN=${TOKEN}\nADMIN_USER_IDS=${ADMIN.id}\n`);
    await symlink(env, path.join(data.dir, "deals", "zz.yaml"));
    // A real file holding the token as a plain scalar: described by its length, never quoted.
    await writeFile(path.join(data.dir, "deals", "zz-scalar.yaml"), `"DISCORD_TOKEN=${TOKEN}"\n`);
    const report = await reload();
    await unlink(path.join(data.dir, "deals", "zz.yaml"));
    await rm(path.join(data.dir, "deals", "zz-scalar.yaml"));

    expect(report.description).toContain("data/deals/zz.yaml: is a symbolic link to a file outside the data directory; it was refused");
    expect(report.description).toMatch(/data\/deals\/zz-scalar\.yaml: must be a object \(got a string of \d+ characters\)/);
    expect(report.raw).not.toContain(SECRET_PART);
    expect(JSON.stringify(h.fake.requests)).not.toContain(SECRET_PART);
  });

  it("D11: an unknown subcommand is a private user error and reloads nothing", async () => {
    const reloadedAt = h.bot.deps.live.reloadedAt;
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ADMIN, memberPermissions: ADMINISTRATOR, name: "admin", subcommand: "nuke" });
    const callback = await callbackOf(h.fake, sent);

    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: expect.stringContaining("/admin has no subcommand “nuke”"), flags: EPHEMERAL }) });
    expect(h.bot.deps.live.reloadedAt).toBe(reloadedAt);
  });

  it("drop guard: emptying most deal files is held, reported file by file, and applied only with confirm:true", async () => {
    const before = h.bot.deps.live.get().kb.facts.size;
    const deals = path.join(data.dir, "deals");
    const names = (await readdir(deals)).filter((f) => f.endsWith(".yaml"));
    const texts = new Map(await Promise.all(names.map(async (f) => [f, await readFile(path.join(deals, f), "utf8")] as const)));
    const saved = new Map<string, string>();
    for (const [f, text] of texts) {
      // Keep each file valid but drop the facts nothing else depends on: what a half-synced checkout looks like.
      const cut = withoutLooseFacts(text, [...texts].filter(([g]) => g !== f).map(([, t]) => t).join("\n"));
      if (cut === null) continue;
      saved.set(f, text);
      await writeFile(path.join(deals, f), cut);
    }
    const held = await reload();
    const stillAnswering = await askSlash(h, ALICE, QUESTION);
    const confirmed = await reload("reload", [{ name: "confirm", type: 5, value: true }]);
    for (const [f, text] of saved) await writeFile(path.join(deals, f), text);
    const restored = await reload();

    expect(held.title).toBe("Reload held");
    expect(held.description).toMatch(/^reload held, not applied; still answering from the previous data\. \d+ errors:\n• data: would remove \d+ of \d+ facts/);
    expect(held.description).toMatch(/RELOAD_MAX_DROP_SHARE limit of 20%/);
    expect(held.description).toMatch(/\n• data\/deals\/[^:]+\.yaml: \d+ facts? would be removed/);
    expect(stillAnswering.body.data.embeds[0].description).toContain("**$38 billion**");
    expect(confirmed.title).toBe("Reload complete");
    expect(restored.title).toBe("Reload complete");
    expect(h.bot.deps.live.get().kb.facts.size).toBe(before);
  });
});

type RawFact = { id: string; source?: string; dispute?: string; overlaps?: string[]; supersedes?: string; supersededBy?: string };
type RawDeal = { sourcing?: string; sources?: Array<{ id: string; tier?: string }>; facts?: RawFact[] };

/**
 * The deal file with every fact removed that another fact, file or dispute depends on keeping, and
 * one tier A/B fact kept so a vetted deal stays vetted; null when nothing could be removed.
 */
function withoutLooseFacts(text: string, elsewhere: string): string | null {
  const deal = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as RawDeal;
  const facts = deal.facts ?? [];
  const strong = new Set((deal.sources ?? []).filter((s) => s.tier === "A" || s.tier === "B").map((s) => s.id));
  const referenced = (f: RawFact) => elsewhere.includes(f.id) || facts.some((g) => g !== f && JSON.stringify(g).includes(f.id));
  const anchor = facts.find((f) => f.source !== undefined && strong.has(f.source)) ?? facts[0];
  const kept = facts.filter((f) => f === anchor || f.dispute !== undefined || f.overlaps !== undefined || f.supersedes !== undefined || f.supersededBy !== undefined || referenced(f));
  if (kept.length === facts.length) return null;
  return yaml.dump({ ...deal, facts: kept }, { lineWidth: -1, schema: yaml.CORE_SCHEMA });
}
