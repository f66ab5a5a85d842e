/** Questions in DMs: answered in the DM channel, follow-ups keep context, a closed DM is not fatal. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fake-discord/index.js";
import { expectSilentMentions, startHarness, waitForLog, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

/** A distinct user per test, so conversation context never carries over between tests. */
let nextUser = 1;
const freshUser = (): FakeUser => ({ id: `15000000000000000${String(nextUser).padStart(2, "0")}`, username: `dm-user-${nextUser++}` });

/** Send a DM and resolve with the bot's successful reply to it. */
async function dm(user: FakeUser, content: string) {
  const sent = h.fake.sendDirectMessage({ user, content });
  expect(sent.delivered).toBe(true);
  return h.fake.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${sent.channelId}/messages` && r.status < 300 && r.body?.message_reference?.message_id === sent.id);
}

describe("direct messages", () => {
  it("answers a DM in the user's DM channel, as a reply to the question, with the cited figure", async () => {
    const user = freshUser();

    const reply = await dm(user, "How much is the OpenAI AWS deal worth?");

    expect(reply.path).toBe(`/channels/${h.fake.dmChannelId(user.id)}/messages`);
    expect(reply.authorized).toBe(true);
    expect(reply.body.embeds[0].description).toContain("**$38 billion**");
    expect(reply.body.flags ?? 0).toBe(0);
  });

  it("answers the follow-up “and AMD?” about the OpenAI–AMD deal, in the same DM channel", async () => {
    const user = freshUser();
    await dm(user, "How much is the OpenAI AWS deal worth?");

    const reply = await dm(user, "and AMD?");

    expect(reply.path).toBe(`/channels/${h.fake.dmChannelId(user.id)}/messages`);
    const description: string = reply.body.embeds[0].description;
    expect(description).toContain("OpenAI–AMD");
    expect(description).not.toContain("AMD–Meta");
    expect(description).not.toContain("$38 billion");
  });

  it("keeps conversations per user: “and AMD?” from a user with no history is not read as about OpenAI", async () => {
    const withHistory = freshUser();
    const newcomer = freshUser();
    await dm(withHistory, "How much is the OpenAI AWS deal worth?");

    const followUp = await dm(withHistory, "and AMD?");
    const cold = await dm(newcomer, "and AMD?");

    expect(cold.path).toBe(`/channels/${h.fake.dmChannelId(newcomer.id)}/messages`);
    expect(followUp.body.embeds[0].description).toContain("OpenAI–AMD");
    expect(cold.body.embeds[0].description).not.toBe(followUp.body.embeds[0].description);
  });

  it("survives a 50007 on a DM reply: logs a warning with the code, and answers the next DM", async () => {
    const user = freshUser();
    const channel = h.fake.dmChannelId(user.id);
    h.fake.failNext({ method: "POST", pathPattern: new RegExp(`^/channels/${channel}/messages$`), status: 403, code: 50007, message: "Cannot send messages to this user" });

    const refused = h.fake.sendDirectMessage({ user, content: "How much is the OpenAI AWS deal worth?" });
    await h.fake.waitForRequest((r) => r.path === `/channels/${channel}/messages` && r.status === 403);
    const warning = await waitForLog(h, (l) => l.level === "warn" && l["code"] === 50007);
    const reply = await dm(user, "How much is the OpenAI AWS deal worth?");

    expect(warning).toMatchObject({ user: user.id, channel: refused.channelId, guild: "dm" });
    expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(reply.body.embeds[0].description).toContain("$38 billion");
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(6);
  });
});
