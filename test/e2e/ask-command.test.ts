/** /ask through the real discord.js client: the engine's figure, cited, in one embed reply. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE, askSlash, callbackOf, CHANNEL_ID, EPHEMERAL, expectSilentMentions, GUILD, QUESTION, startHarness, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

describe("/ask", () => {
  it("replies with a type-4 callback whose embed states $38 billion in bold with a masked-link citation", async () => {
    const callback = await askSlash(h, ALICE, QUESTION);

    expect(callback).toMatchObject({ method: "POST", status: 204, body: { type: 4 } });
    const [embed, ...others] = callback.body.data.embeds;
    expect(others).toEqual([]);
    expect(embed.description).toContain("**$38 billion**");
    // A citation is a masked link: [\[1\]](https://…)
    expect(embed.description).toMatch(/\$38 billion\*\* \[\\\[\d+\\\]\]\(https:\/\/[^)\s]+\)/);
  });

  it("lists the sources in a Sources field and names the data version in the footer", async () => {
    const callback = await askSlash(h, ALICE, QUESTION);

    const embed = callback.body.data.embeds[0];
    const sources = embed.fields.find((f: { name: string }) => f.name === "Sources");
    expect(sources?.value).toMatch(/^\*\*\[1\]\*\* .+\(tier [ABC]\)/);
    expect(embed.footer.text).toContain(`data version ${h.bot.deps.live.get().kb.version}`);
  });

  it("answers in public, never pinging anyone: no ephemeral flag and allowed_mentions {parse: []}", async () => {
    const callback = await askSlash(h, ALICE, QUESTION);

    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(callback.body.data.flags ?? 0).toBe(0);
  });

  it("answers privately (flag 64) when the private option is true", async () => {
    const sent = h.fake.sendSlashCommand({
      guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "ask",
      options: [{ name: "question", type: 3, value: QUESTION }, { name: "private", type: 5, value: true }],
    });
    const callback = await callbackOf(h.fake, sent);

    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toContain("**$38 billion**");
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(4);
  });
});
