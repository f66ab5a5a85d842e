/** The one error path: a throwing handler gets a short private reply, a logged error, and the bot carries on. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GENERIC_ERROR } from "../../src/discord/replies.js";
import { ALICE, askSlash, callbackOf, CHANNEL_ID, EPHEMERAL, expectSilentMentions, GUILD, QUESTION, startHarness, waitForLog, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await h?.stop();
});

describe("a handler that throws", () => {
  it("gives the user the short generic reply, privately, and nothing else", async () => {
    vi.spyOn(h.bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error("index exploded");
    });

    const callback = await askSlash(h, ALICE, QUESTION);

    expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: GENERIC_ERROR, flags: EPHEMERAL }) });
    expect(callback.body.data.content).not.toContain("exploded");
    expect(callback.body.data.embeds ?? []).toEqual([]);
  });

  it("logs an error line with the command, user, guild, interaction and the error's message and stack", async () => {
    vi.spyOn(h.bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error("index exploded again");
    });
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: QUESTION }] });
    await callbackOf(h.fake, sent);

    const line = await waitForLog(h, (l) => l.level === "error" && l["interaction"] === sent.id);

    expect(line).toMatchObject({
      msg: "command failed", command: "ask", user: ALICE.id, guild: GUILD.id,
      error: { type: "Error", message: "index exploded again", stack: expect.stringContaining("index exploded again") },
    });
  });

  it("keeps the process up: the next /ask is answered normally", async () => {
    vi.spyOn(h.bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error("index exploded once more");
    });
    await askSlash(h, ALICE, QUESTION);

    const next = await askSlash(h, ALICE, QUESTION);

    expect(next.body.data.embeds[0].description).toContain("**$38 billion**");
    expect(h.bot.client.isReady()).toBe(true);
  });

  it("logs a failing autocomplete as an error and still answers the next autocomplete", async () => {
    vi.spyOn(h.bot.deps.live, "get").mockImplementationOnce(() => {
      throw new Error("autocomplete exploded");
    });
    const failing = h.fake.sendAutocomplete({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal", focused: { name: "name", value: "aws" } });
    const line = await waitForLog(h, (l) => l.level === "error" && l["interaction"] === failing.id);
    const next = h.fake.sendAutocomplete({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal", focused: { name: "name", value: "aws" } });

    const callback = await callbackOf(h.fake, next);

    expect(line).toMatchObject({ msg: "autocomplete failed", command: "deal", error: { message: "autocomplete exploded" } });
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices.length).toBeGreaterThan(0);
  });

  it("answers a command it does not know with a private “try /help”, without logging an error", async () => {
    const errorsBefore = h.logs.filter((l) => l.level === "error").length;
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "retired-command" });

    const callback = await callbackOf(h.fake, sent);

    expect(callback.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("/help") });
    expect(h.logs.filter((l) => l.level === "error")).toHaveLength(errorsBefore);
  });

  it("logs a reply Discord refuses as expired (10062) as a warning, and carries on", async () => {
    h.fake.failNext({ method: "POST", pathPattern: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 404, code: 10062, message: "Unknown interaction" });
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask", options: [{ name: "question", type: 3, value: QUESTION }] });

    const line = await waitForLog(h, (l) => l["interaction"] === sent.id);
    const next = await askSlash(h, ALICE, QUESTION);

    expect(line).toMatchObject({ level: "warn", code: 10062, command: "ask" });
    expect(next.body.data.embeds[0].description).toContain("$38 billion");
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(6);
  });
});
