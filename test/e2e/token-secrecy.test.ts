/** The bot token never reaches a log line or anything the bot sends to Discord. */
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { createBot } from "../../src/discord/bot.js";
import { FakeDiscord } from "../fake-discord/index.js";
import {
  ADMIN, ALICE, APP_ID, askSlash, callbackOf, CHANNEL_ID, editOf, GUILD, QUESTION, REPO_ROOT, startHarness, TOKEN, untilTrue, waitForLog,
  type Harness,
} from "./harness.js";

const SECRET_PART = TOKEN.split(".").at(-1)!;
const PLANTED = "request failed with Authorization: Bot";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { ADMIN_USER_IDS: ADMIN.id } });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await h?.stop();
});

describe("the bot token", () => {
  it("is never logged, nor sent in any recorded request, through login, /ask, a DM, a refused DM, a reload and an error", async () => {
    await askSlash(h, ALICE, QUESTION);
    const dm = h.fake.sendDirectMessage({ user: ALICE, content: QUESTION });
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === dm.id);
    h.fake.failNext({ method: "POST", pathPattern: /^\/channels\/\d+\/messages$/, status: 403, code: 50007, message: "Cannot send messages to this user" });
    h.fake.sendDirectMessage({ user: ALICE, content: QUESTION });
    await waitForLog(h, (l) => l["code"] === 50007);
    const reload = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ADMIN, memberPermissions: "8", name: "admin", subcommand: "reload" });
    await editOf(h.fake, reload);
    vi.spyOn(h.bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error("plain failure");
    });
    await askSlash(h, ALICE, QUESTION);
    await waitForLog(h, (l) => l.level === "error");

    expect(h.rawLogs.length).toBeGreaterThanOrEqual(5);
    for (const line of h.rawLogs) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(SECRET_PART);
      // Not even redacted: the bot itself never tried to log it (only the next test plants it in an error).
      if (!line.includes(PLANTED)) expect(line).not.toContain("[redacted]");
    }
    const recorded = JSON.stringify(h.fake.requests);
    expect(recorded).not.toContain(SECRET_PART);
    expect(h.fake.requests.filter((r) => r.authorized).length).toBeGreaterThan(0);
  });

  it("is redacted from a logged error whose message contains it, and the user's reply does not carry it", async () => {
    vi.spyOn(h.bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error(`${PLANTED} ${TOKEN}`);
    });
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: QUESTION }] });
    const callback = await callbackOf(h.fake, sent);

    const line = await waitForLog(h, (l) => l["interaction"] === sent.id);

    expect(JSON.stringify(line)).not.toContain(SECRET_PART);
    expect(JSON.stringify(line)).toContain("Bot [redacted]");
    expect(JSON.stringify(callback.body)).not.toContain(SECRET_PART);
  });
});

describe("createBot without an injected logger", () => {
  let fake: FakeDiscord | undefined;
  let stopBot: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stopBot?.();
    await fake?.stop();
    stopBot = undefined;
    fake = undefined;
  });

  it("writes JSON lines to stderr with the token redacted", async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD] });
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, DATA_DIR: path.join(REPO_ROOT, "data") });
    const bot = await createBot(config);
    stopBot = bot.stop;
    await untilTrue(() => bot.client.isReady(), "the bot to become ready");
    vi.spyOn(bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error(`leaked ${TOKEN}`);
    });
    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: QUESTION }] });
    await callbackOf(fake, sent);
    await untilTrue(() => written.some((w) => w.includes(sent.id)), "the error line on stderr");

    const all = written.join("");
    expect(all).not.toContain(SECRET_PART);
    expect(all).toContain("leaked [redacted]");
    expect(all).toContain('"msg":"connected to Discord"');
  });
});
