/**
 * `npm start` with DISCORD_TOKEN, as a child process: logs in, answers, and stops cleanly on SIGTERM.
 * It runs the tsx binary, which is what the start script runs: npm (and npx) start it through
 * `sh -c` and do not pass SIGTERM on to it (see spawnTsx).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fake-discord/index.js";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ADMIN, ALICE, APP_ID, callbackOf, CHANNEL_ID, childEnv, copyDataDir, GUILD, killChildren, QUESTION, spawnTsx, TOKEN, within } from "./harness.js";

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD] });
});

afterEach(killChildren);

afterAll(async () => {
  await fake?.stop();
});

describe("npm start with DISCORD_TOKEN", () => {
  it("identifies on the gateway, answers an injected /ask with $38 billion, and exits 0 within 5 s of SIGTERM", async () => {
    // childEnv leaves every other setting blank, as a copied .env with empty lines would.
    const child = spawnTsx("src/main.ts", childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase }), undefined, true);
    await child.waitForOutput('"msg":"connected to Discord"', 15_000);
    expect(fake.identifies).toHaveLength(1);

    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: QUESTION }] });
    const callback = await callbackOf(fake, sent);
    const stoppedAt = Date.now();
    child.kill("SIGTERM");
    const run = await within(child.exited, "exit after SIGTERM", 5000);

    expect(callback.body.data.embeds[0].description).toContain("**$38 billion**");
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(run.stderr).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
    expect(run.stdout + run.stderr).not.toContain(TOKEN.split(".").at(-1));
    expect(fake.connections).toEqual([0]);
  });

  it("D9: SIGTERM during the probe's alias-bomb reload takes the clean path (it was SIGKILLed, 143, with the loop blocked)", async () => {
    const data = await copyDataDir();
    const file = path.join(data.dir, "deals", "openai-aws-2025.yaml");
    const lines = ['  lol0: &l0 "lol"', ...Array.from({ length: 8 }, (_, i) => `  lol${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(",")}]`)];
    let bomb = (await readFile(file, "utf8")).replace("id: openai-aws-2025\n", `id: openai-aws-2025\nx:\n${lines.join("\n")}\n`);
    for (const k of ["title", "type", "status", "announced", "summary"]) bomb = bomb.replace(new RegExp(`^${k}: .*$`, "m"), `${k}: *l8`);
    const env = childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, DATA_DIR: data.dir, ADMIN_USER_IDS: ADMIN.id });
    const child = spawnTsx("src/main.ts", env, undefined, true);
    await child.waitForOutput('"msg":"connected to Discord"', 30_000);

    for (const f of [file, path.join(data.dir, "deals", "zz-bomb-1.yaml"), path.join(data.dir, "deals", "zz-bomb-2.yaml")]) await writeFile(f, bomb);
    fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ADMIN, memberPermissions: "8", name: "admin", subcommand: "reload" });
    await child.waitForOutput('"msg":"admin reload"', 10_000);
    child.kill("SIGTERM");
    const run = await within(child.exited, "exit after SIGTERM during a reload", 5000);
    await data.remove();

    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(run.stderr).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
  }, 60_000);
});
