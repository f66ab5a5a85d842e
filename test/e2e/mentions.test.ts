/** @mentions in a guild channel: answered in that channel, as a reply to the user's message. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE, BOB, CHANNEL_ID, expectSilentMentions, GUILD, startHarness, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

describe("mentions in a guild channel", () => {
  it("answers a message that mentions the bot in that channel, replying to the user's message with the engine's figure", async () => {
    const sent = h.fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, content: "How much is the OpenAI AWS deal worth?", mentionBot: true });

    const reply = await h.fake.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === sent.id);

    expect(sent.delivered).toBe(true);
    expect(reply).toMatchObject({ path: `/channels/${CHANNEL_ID}/messages`, status: 200, authorized: true });
    expect(reply.body.message_reference).toMatchObject({ message_id: sent.id });
    expect(reply.body.embeds[0].description).toContain("**$38 billion**");
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("ignores a guild message that does not mention the bot", async () => {
    const ignored = h.fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: BOB, content: "How much is the OpenAI AWS deal worth?", mentionBot: false });
    // A later mention from the same user is answered; had the first been answered, its reply would come first.
    const marker = h.fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: BOB, content: "What is the OpenAI AMD deal worth?", mentionBot: true });
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === marker.id);

    expect(h.fake.requests.filter((r) => r.body?.message_reference?.message_id === ignored.id)).toEqual([]);
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(2);
  });
});
