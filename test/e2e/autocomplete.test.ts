/** Autocomplete through the real client: type-8 callbacks within Discord's choice limits. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AutocompleteInput } from "../fake-discord/index.js";
import { ALICE, callbackOf, CHANNEL_ID, expectSilentMentions, GUILD, startHarness, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

type Choice = { name: string; value: string };

async function choicesFor(name: string, focused: AutocompleteInput["focused"]): Promise<Choice[]> {
  const sent = h.fake.sendAutocomplete({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name, focused });
  const callback = await callbackOf(h.fake, sent);
  expect(callback).toMatchObject({ status: 204, body: { type: 8 } });
  return callback.body.data.choices as Choice[];
}

function expectWithinDiscordLimits(choices: Choice[]): void {
  expect(choices.length).toBeGreaterThan(0);
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const c of choices) {
    expect(c.name.length, c.name).toBeGreaterThan(0);
    expect(c.name.length, c.name).toBeLessThanOrEqual(100);
    expect(c.value.length, c.value).toBeLessThanOrEqual(100);
  }
}

describe("autocomplete", () => {
  it("offers the OpenAI–AWS deal for /deal when the user types the misspelt “opn aws”", async () => {
    const choices = await choicesFor("deal", { name: "name", value: "opn aws" });

    expectWithinDiscordLimits(choices);
    expect(choices.map((c) => c.value)).toContain("openai-aws-2025");
  });

  it("offers Anthropic for /company when the user types “anth”", async () => {
    const choices = await choicesFor("company", { name: "name", value: "anth" });

    expectWithinDiscordLimits(choices);
    expect(choices.map((c) => c.value)).toContain("anthropic");
  });

  it("offers at most 25 deals, each name at most 100 characters, before anything is typed", async () => {
    expect(h.bot.deps.live.get().kb.deals.size).toBeGreaterThan(25);

    const choices = await choicesFor("compare", { name: "second", value: "" });

    expectWithinDiscordLimits(choices);
    expect(choices).toHaveLength(25);
  });

  it("resolves a picked choice: /deal with the chosen id replies with that deal's card", async () => {
    const sent = h.fake.sendSlashCommand({
      guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal", options: [{ name: "name", type: 3, value: "openai-aws-2025" }],
    });

    const callback = await callbackOf(h.fake, sent);

    expect(callback.body).toMatchObject({ type: 4, data: { embeds: [{ title: h.bot.deps.live.get().kb.deals.get("openai-aws-2025")?.title }] } });
    expect(callback.body.data.embeds[0].description).toContain("$38 billion");
  });

  it("sent allowed_mentions {parse: []} on every message it wrote in this file", () => {
    expect(expectSilentMentions(h.fake.requests)).toBeGreaterThanOrEqual(1);
  });
});
