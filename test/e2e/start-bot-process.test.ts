/**
 * `npm start` with DISCORD_TOKEN, as a child process: logs in, answers, and stops cleanly on SIGTERM.
 * It runs the tsx binary, which is what the start script runs: npm (and npx) start it through
 * `sh -c` and do not pass SIGTERM on to it (see spawnTsx).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fake-discord/index.js";
import { ALICE, APP_ID, callbackOf, CHANNEL_ID, childEnv, GUILD, killChildren, QUESTION, spawnTsx, TOKEN, within } from "./harness.js";

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
    expect(run.stderr).toContain('"msg":"shutting down","signal":"SIGTERM"');
    expect(run.stdout + run.stderr).not.toContain(TOKEN.split(".").at(-1));
    expect(fake.connections).toEqual([0]);
  });
});
