/**
 * Nothing the bot sends can ping: every message it writes, on every path (slash reply, private
 * notice, deferred edit, DM, mention reply), carries allowed_mentions exactly {parse: []}, even
 * when it echoes a user's "@everyone" or role mention back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN, ALICE, askSlash, BOB, callbackOf, CHANNEL_ID, copyDataDir, editOf, EPHEMERAL, expectSilentMentions, GUILD, startHarness, type Harness,
} from "./harness.js";

const PINGS = "@everyone <@&123>";

let h: Harness;
let data: Awaited<ReturnType<typeof copyDataDir>>;

beforeAll(async () => {
  data = await copyDataDir();
  h = await startHarness({ env: { DATA_DIR: data.dir, ADMIN_USER_IDS: ADMIN.id, RATE_LIMIT_BURST: "3" } });
});

afterAll(async () => {
  await h?.stop();
  await data?.remove();
});

describe("allowed_mentions", () => {
  it("a /ask whose question contains @everyone and a role mention is answered with allowed_mentions {parse: []}", async () => {
    const callback = await askSlash(h, ALICE, `${PINGS} How much is the OpenAI AWS deal worth?`);

    expect(callback.body.type).toBe(4);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("a refusal that echoes “@everyone <@&123>” back (an unknown /company name) pings no one", async () => {
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "company", options: [{ name: "name", type: 3, value: PINGS }] });

    const callback = await callbackOf(h.fake, sent);

    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toContain(PINGS);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("a DM and a mention reply containing @everyone ping no one", async () => {
    const dm = h.fake.sendDirectMessage({ user: ALICE, content: `${PINGS} and AMD?` });
    const mention = h.fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, content: `${PINGS} what about Nvidia?`, mentionBot: true });

    const replies = await Promise.all([dm, mention].map((m) => h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === m.id)));

    for (const reply of replies) expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("the rate-limit notice pings no one", async () => {
    for (let i = 0; i < 3; i++) await askSlash(h, BOB, `${PINGS} question ${i}?`);

    const callback = await askSlash(h, BOB, `${PINGS} again?`);

    expect(callback.body.data.content).toMatch(/try again in/);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("the deferred /admin reload edit pings no one", async () => {
    const sent = h.fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ADMIN, memberPermissions: "8", name: "admin", subcommand: "reload" });

    const edit = await editOf(h.fake, sent);

    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("every request of this file with a JSON body that has allowed_mentions has exactly {parse: []}, and every message write has one", () => {
    const withMentions = h.fake.requests.filter((r) => JSON.stringify(r.body ?? null).includes("allowed_mentions"));

    expect(withMentions.length).toBeGreaterThanOrEqual(6);
    expect(expectSilentMentions(h.fake.requests)).toBe(withMentions.length);
  });
});
