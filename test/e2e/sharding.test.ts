/**
 * SHARD_COUNT: the real entry point under discord.js's ShardingManager, one process per shard,
 * against a fake that announces two shards. Also SHARD_IDS across two "hosts" and DATA_WATCH.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord, shardForGuild } from "../fake-discord/index.js";
import { ADMIN, ADMINISTRATOR, ALICE, APP_ID, callbackOf, childEnv, copyDataDir, editOf, killChildren, QUESTION, spawnTsx, TOKEN, untilTrue, within } from "./harness.js";

/** Two guild ids that Discord's formula puts on shard 0 and shard 1 of two. */
function guildOnShard(shard: number): string {
  // Snowflakes carry their timestamp above bit 22; start at a realistic 18-digit id.
  for (let n = 1n << 36n; n < (1n << 36n) + 10n; n++) {
    const id = String((n << 22n) + 1n);
    if (shardForGuild(id, 2) === shard) return id;
  }
  throw new Error("no guild id found");
}
const G0 = { id: guildOnShard(0), name: "Shard zero", channels: [{ id: "1300000000000000010", name: "deals" }] };
const G1 = { id: guildOnShard(1), name: "Shard one", channels: [{ id: "1300000000000000011", name: "deals" }] };

const ask = (fake: FakeDiscord, guild: typeof G0) =>
  callbackOf(fake, fake.sendSlashCommand({ guildId: guild.id, channelId: guild.channels[0]!.id, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: QUESTION }] }));
const reload = (fake: FakeDiscord, guild: typeof G0) =>
  editOf(fake, fake.sendSlashCommand({ guildId: guild.id, channelId: guild.channels[0]!.id, user: ADMIN, memberPermissions: ADMINISTRATOR, name: "admin", subcommand: "reload" }));

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [G0, G1], shardCount: 2 });
});
afterEach(killChildren);
afterAll(async () => fake?.stop());

const env = (extra: Record<string, string>) =>
  childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, ADMIN_USER_IDS: ADMIN.id, SHARD_SPAWN_DELAY_MS: "100", ...extra });

describe("sharding", () => {
  it("runs one process per shard: each identifies as [id, 2] and answers its own guild, and a reload reaches both", async () => {
    const before = fake.identifies.length;
    const child = spawnTsx("src/main.ts", env({ SHARD_COUNT: "auto" }), undefined, true);
    await untilTrue(() => fake.identifies.length >= before + 2, "two shards identify", 40_000);
    const shards = fake.identifies.slice(before).map((i) => i.shard);
    expect(shards).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));

    for (const guild of [G0, G1]) expect((await ask(fake, guild)).body.data.embeds[0].description).toContain("**$38 billion**");
    const edit = await reload(fake, G1);
    const text = edit.body.embeds[0].description as string;
    expect(text).toMatch(/Shard 0: reloaded/);
    expect(text).toMatch(/Shard 1: reloaded/);
    expect(child.stderr()).toMatch(/"shard":"1"/);

    child.kill("SIGTERM");
    expect((await within(child.exited, "manager exit", 10_000)).code).toBe(0);
  }, 60_000);

  it("splits one bot across two hosts with SHARD_IDS; a host whose data is broken reports it and keeps answering", async () => {
    const good = await copyDataDir();
    const bad = await copyDataDir();
    try {
      const hostA = spawnTsx("src/main.ts", env({ SHARD_COUNT: "2", SHARD_IDS: "0", DATA_DIR: good.dir }), undefined, true);
      const hostB = spawnTsx("src/main.ts", env({ SHARD_COUNT: "2", SHARD_IDS: "1", DATA_DIR: bad.dir }), undefined, true);
      await untilTrue(() => fake.connections[0] === 1 && fake.connections[1] === 1, "both hosts connect", 40_000);

      await writeFile(path.join(bad.dir, "deals", "openai-aws-2025.yaml"), "id: [broken\n");
      const failed = (await reload(fake, G1)).body.embeds[0].description as string;
      expect(failed).toMatch(/reload failed; still answering from the previous data/);
      expect(failed).toContain("deals/openai-aws-2025.yaml");
      expect(failed).not.toMatch(/Shard 0/);
      expect((await ask(fake, G1)).body.data.embeds[0].description).toContain("**$38 billion**");
      expect((await reload(fake, G0)).body.embeds[0].description).toMatch(/reloaded/);

      hostA.kill("SIGTERM");
      hostB.kill("SIGTERM");
      // Each host is tsx, a manager and a shard process: on the 2-core CI machine running the whole
      // suite at once, all four stopping has taken over 10 s (a hang would still fail at 25 s).
      await Promise.all([within(hostA.exited, "host A exit", 25_000), within(hostB.exited, "host B exit", 25_000)]);
    } finally {
      await Promise.all([good.remove(), bad.remove()]);
    }
  }, 90_000);

  it("picks up an edited data file with DATA_WATCH, without an admin command", async () => {
    const data = await copyDataDir();
    try {
      const child = spawnTsx("src/main.ts", env({ DATA_WATCH: "true", DATA_DIR: data.dir }), undefined, true);
      await child.waitForOutput('"msg":"connected to Discord"', 20_000);
      const file = path.join(data.dir, "deals", "openai-aws-2025.yaml");
      const { readFile } = await import("node:fs/promises");
      await writeFile(file, (await readFile(file, "utf8")).replace("value: 38000000000", "value: 38000000000 # checked"));
      await child.waitForOutput('"why":"data changed"', 10_000);
      expect(child.stderr()).toMatch(/"why":"data changed".*"msg":"reloaded"/);
      child.kill("SIGTERM");
      await within(child.exited, "exit", 10_000);
    } finally {
      await data.remove();
    }
  }, 40_000);
});
