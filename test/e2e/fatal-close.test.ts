/**
 * D2: a gateway close that discord.js will not recover from (4004 token invalid, 4014 disallowed
 * intents), sent mid-session by the fake. The process must exit non-zero with one clear error line
 * (so systemd's Restart=on-failure fires), and a ShardingManager must not leave zombie shards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAKE_GUILDS_FOR_TWO_SHARDS } from "./shard-guilds.js";
import { FakeDiscord } from "../fake-discord/index.js";
import { APP_ID, childEnv, GUILD, killChildren, spawnTsx, TOKEN, untilTrue, within } from "./harness.js";

const SECRET_PART = TOKEN.split(".").at(-1)!;
const errorLines = (stderr: string) =>
  stderr
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { level: string; msg: string; code?: number })
    .filter((l) => l.level === "error");

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD] });
});
afterEach(killChildren);
afterAll(async () => fake?.stop());

describe("a fatal gateway close mid-session", () => {
  it.each([
    [4004, "AuthenticationFailed", /token is invalid or was reset/],
    [4014, "DisallowedIntents", /intent .* not enabled/],
  ])("%i: the process exits 78 with one error line naming the code and what to fix", async (code, name, hint) => {
    const child = spawnTsx("src/main.ts", childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase }), undefined, true);
    await child.waitForOutput('"msg":"connected to Discord"', 15_000);

    fake.closeAllConnections(code);
    const run = await within(child.exited, "exit after the fatal close", 10_000);

    expect(run.code).toBe(78);
    const errors = errorLines(run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code, msg: expect.stringContaining(`gateway closed with ${code} (${name})`) });
    expect(errors[0]!.msg).toMatch(hint);
    expect(run.stdout + run.stderr).not.toContain(SECRET_PART);
  }, 30_000);
});

describe("a fatal gateway close under the ShardingManager", () => {
  let sharded: FakeDiscord;
  beforeAll(async () => {
    sharded = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: FAKE_GUILDS_FOR_TWO_SHARDS, shardCount: 2 });
  });
  afterAll(async () => sharded?.stop());

  it("4004 on both shards: the manager stops every shard and exits non-zero instead of leaving zombies", async () => {
    const env = childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: sharded.apiBase, SHARD_COUNT: "2", SHARD_SPAWN_DELAY_MS: "100" });
    const child = spawnTsx("src/main.ts", env, undefined, true);
    await untilTrue(() => sharded.connections[0] === 1 && sharded.connections[1] === 1, "both shards connect", 40_000);

    sharded.closeAllConnections(4004);
    const run = await within(child.exited, "manager exit", 20_000);

    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toMatch(/"level":"error".*gateway closed with 4004 \(AuthenticationFailed\)/);
    expect(run.stderr).toMatch(/"level":"error".*"role":"manager".*"msg":"shard stopped after a fatal gateway close/);
    expect(sharded.connections).toEqual([0, 0]);
  }, 60_000);
});
