/**
 * Proves the Discord fake works with the REAL discord.js client: every test logs a real Client in
 * against FakeDiscord on 127.0.0.1 and checks what the client sees and what it sends back.
 */
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import {
  ChannelType, Client, Events, GatewayIntentBits, Partials, PermissionFlagsBits, Routes,
  type AutocompleteInteraction, type ChatInputCommandInteraction, type ClientOptions, type Message,
} from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord, shardForGuild, type FakeDiscordOptions } from "./fake-discord/index.js";

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.fake.secret-part-never-logged";
const APP_ID = "1000000000000000001";
const CHANNEL_ID = "1300000000000000001";
// Chosen so that, with 2 shards, GUILD lands on shard 0 and OTHER_GUILD on shard 1.
const GUILD = { id: "1100000000004194304", name: "Deals HQ", channels: [{ id: CHANNEL_ID, name: "deals" }] };
const OTHER_CHANNEL_ID = "1300000000000000002";
const OTHER_GUILD = { id: "1200000000000000001", name: "Infra Desk", channels: [{ id: OTHER_CHANNEL_ID, name: "infra" }] };
const ALICE = { id: "1400000000000000001", username: "alice" };
const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

const fakes: FakeDiscord[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  for (const fake of fakes.splice(0)) await fake.stop();
});

async function startFake(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD], ...options });
  fakes.push(fake);
  return fake;
}

/** Logs a real client in and resolves once clientReady fired (all guilds received). */
async function startClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}, token = TOKEN): Promise<Client<true>> {
  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel],
    rest: { api: fake.apiBase },
    allowedMentions: { parse: [] },
    ...options,
  });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined); // when login fails, its own error is the one to report
  await client.login(token);
  // clientReady waits for a GUILD_CREATE per READY guild (up to waitGuildTimeout, 15 s).
  await within(ready, "clientReady", 5000);
  return client as Client<true>;
}

async function setup(options: FakeDiscordOptions = {}): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  const fake = await startFake(options);
  return { fake, client: await startClient(fake) };
}

/** Fails fast (instead of at the 20 s test timeout) when discord.js silently drops an event. */
function within<T>(promise: Promise<T>, what: string, ms = 3000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`discord.js did not emit ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function nextChatInput(client: Client): Promise<ChatInputCommandInteraction> {
  const event = new Promise<ChatInputCommandInteraction>((resolve) => {
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) resolve(i);
    });
  });
  return within(event, "a chat-input interactionCreate");
}

function nextMessage(client: Client): Promise<Message> {
  return within(once(client, Events.MessageCreate).then(([message]) => message as Message), "messageCreate");
}

async function until(condition: () => boolean, what: string): Promise<void> {
  await within((async () => {
    while (!condition()) await sleep(10);
  })(), what);
}

describe("FakeDiscord with the real discord.js client", () => {
  it("logs in to clientReady with the configured guild, channel, bot user and application cached", async () => {
    const { fake, client } = await setup();

    expect(client.user.id).toBe(APP_ID);
    expect(client.application.id).toBe(APP_ID);
    expect(client.guilds.cache.get(GUILD.id)?.name).toBe("Deals HQ");
    expect(client.channels.cache.get(CHANNEL_ID)?.type).toBe(ChannelType.GuildText);
    expect(client.guilds.cache.get(GUILD.id)?.members.me?.id).toBe(APP_ID);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({
      shard: [0, 1],
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    });
    expect(fake.connections).toEqual([1]);
  });

  it("delivers a slash command whose reply lands as a type-4 callback carrying allowed_mentions parse []", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);

    const sent = fake.sendSlashCommand({
      guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, memberPermissions: String(PermissionFlagsBits.Administrator),
      name: "deal", options: [{ name: "company", type: 3, value: "CoreWeave" }],
    });
    const interaction = await received;
    await interaction.reply({ content: "CoreWeave: $11.9B" });

    expect(interaction.id).toBe(sent.id);
    expect(interaction.commandName).toBe("deal");
    expect(interaction.options.getString("company")).toBe("CoreWeave");
    expect(interaction.guildId).toBe(GUILD.id);
    expect(interaction.channelId).toBe(CHANNEL_ID);
    expect(interaction.user.id).toBe(ALICE.id);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.Administrator)).toBe(true);
    const responses = fake.interactionResponses(sent.id);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      method: "POST", path: `/interactions/${sent.id}/${sent.token}/callback`, status: 204, authorized: false,
      body: { type: 4, data: { content: "CoreWeave: $11.9B", allowed_mentions: { parse: [] } } },
    });
  });

  it("records deferReply then editReply as a type-5 callback followed by a PATCH of @original", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);

    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;
    await interaction.deferReply();
    const edited = await interaction.editReply("Found 3 deals.");

    expect(edited.content).toBe("Found 3 deals.");
    expect(interaction.memberPermissions?.bitfield).toBe(0n);
    const [defer, patch, ...rest] = fake.interactionResponses(sent.id);
    expect(defer).toMatchObject({ method: "POST", status: 204, body: { type: 5 } });
    expect(patch).toMatchObject({
      method: "PATCH", path: `/webhooks/${APP_ID}/${sent.token}/messages/@original`, status: 200,
      body: { content: "Found 3 deals." },
    });
    expect(rest).toEqual([]);
  });

  it("parses a multipart reply with a file: the payload_json is the body, the file's bytes and description are recorded", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);
    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

    await interaction.reply({ content: "with a file", files: [{ attachment: bytes, name: "chart.png", description: "A test chart" }] });

    const [callback] = fake.interactionResponses(sent.id);
    expect(callback).toMatchObject({ method: "POST", status: 204, body: { type: 4, data: { content: "with a file", allowed_mentions: { parse: [] } } } });
    expect(callback?.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(callback?.files).toHaveLength(1);
    expect(callback?.files[0]).toMatchObject({ field: "files[0]", name: "chart.png", size: bytes.length });
    expect(callback?.files[0]?.data.equals(bytes)).toBe(true);
    const original = await interaction.fetchReply();
    expect(original.attachments.first()).toMatchObject({ name: "chart.png", description: "A test chart", size: bytes.length });
  });

  it("parses a multipart editReply: the edited message gets the new attachment", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);
    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;
    await interaction.deferReply();

    const edited = await interaction.editReply({ content: "done", files: [{ attachment: Buffer.from("png!"), name: "chart.png", description: "Alt" }] });

    const [, patch] = fake.interactionResponses(sent.id);
    expect(patch).toMatchObject({ method: "PATCH", status: 200, body: { content: "done" } });
    expect(patch?.files.map((f) => f.name)).toEqual(["chart.png"]);
    expect(edited.attachments.map((a) => [a.name, a.description])).toEqual([["chart.png", "Alt"]]);
  });

  it("records followUp as a POST to the interaction webhook with wait=true and deleteReply as a DELETE of @original", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);

    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;
    await interaction.reply("Top deal: CoreWeave.");
    const followUp = await interaction.followUp("Source: 10-K, p. 12");
    await interaction.deleteReply();

    expect(followUp.content).toBe("Source: 10-K, p. 12");
    const webhook = `/webhooks/${APP_ID}/${sent.token}`;
    expect(fake.interactionResponses(sent.id)).toMatchObject([
      { method: "POST", body: { type: 4 } },
      { method: "POST", path: webhook, query: { wait: "true" }, status: 200, body: { content: "Source: 10-K, p. 12" } },
      { method: "DELETE", path: `${webhook}/messages/@original`, status: 204 },
    ]);
  });

  it("delivers a slash command used in the bot's DM with the user and the DM channel", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);

    const sent = fake.sendSlashCommand({ user: ALICE, name: "deal" });
    const interaction = await received;
    await interaction.reply("Hi Alice");

    expect(interaction.guildId).toBeNull();
    expect(interaction.member).toBeNull();
    expect(interaction.user.id).toBe(ALICE.id);
    expect(interaction.channelId).toBe(fake.dmChannelId(ALICE.id));
    expect(interaction.channel?.type).toBe(ChannelType.DM);
    expect(fake.interactionResponses(sent.id)).toMatchObject([{ status: 204, body: { type: 4 } }]);
  });

  it("delivers autocomplete with a nested subcommand and records respond as a type-8 callback with the choices", async () => {
    const { fake, client } = await setup();
    const received = within(new Promise<AutocompleteInteraction>((resolve) => {
      client.on(Events.InteractionCreate, (i) => {
        if (i.isAutocomplete()) resolve(i);
      });
    }), "an autocomplete interactionCreate");

    const sent = fake.sendAutocomplete({
      guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal", subcommand: "lookup",
      focused: { name: "company", value: "Core" },
    });
    const interaction = await received;
    await interaction.respond([{ name: "CoreWeave", value: "coreweave" }]);

    expect(interaction.options.getSubcommand()).toBe("lookup");
    expect(interaction.options.getFocused(true)).toMatchObject({ name: "company", value: "Core" });
    expect(fake.interactionResponses(sent.id)).toMatchObject([
      { status: 204, body: { type: 8, data: { choices: [{ name: "CoreWeave", value: "coreweave" }] } } },
    ]);
  });

  it("delivers a DM to messageCreate and message.reply posts to the user's stable DM channel", async () => {
    const { fake, client } = await setup();
    const received = nextMessage(client);

    const sent = fake.sendDirectMessage({ user: ALICE, content: "What did CoreWeave raise?" });
    const message = await received;
    await message.reply("CoreWeave raised $7.5B in debt.");

    expect(sent).toMatchObject({ delivered: true, channelId: fake.dmChannelId(ALICE.id) });
    expect(message.id).toBe(sent.id);
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.guildId).toBeNull();
    expect(message.content).toBe("What did CoreWeave raise?");
    const posts = fake.botMessagesTo(fake.dmChannelId(ALICE.id));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      authorized: true,
      body: { content: "CoreWeave raised $7.5B in debt.", message_reference: { message_id: sent.id }, allowed_mentions: { parse: [] } },
    });
  });

  it("delivers a guild message that mentions the bot with the bot in message.mentions and readable content", async () => {
    const { fake, client } = await setup();
    const received = nextMessage(client);

    const sent = fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, content: "H100 prices?", mentionBot: true });
    const message = await received;

    expect(message.id).toBe(sent.id);
    expect(message.guildId).toBe(GUILD.id);
    expect(message.mentions.users.has(APP_ID)).toBe(true);
    expect(message.mentions.has(client.user)).toBe(true);
    expect(message.content).toBe(`<@${APP_ID}> H100 prices?`);
  });

  it("blanks a guild message that does not mention the bot, as Discord does without the MessageContent intent", async () => {
    const { fake, client } = await setup();
    const received = nextMessage(client);

    fake.sendGuildMessage({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, content: "H100 prices?", mentionBot: false });
    const message = await received;

    expect(message.mentions.users.size).toBe(0);
    expect(message.content).toBe("");
  });

  it("rejects a second callback for the same interaction with 40060 (discord.js itself refuses a second reply first)", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);

    const sent = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;
    await interaction.reply("first");

    await expect(interaction.reply("second")).rejects.toMatchObject({ code: "InteractionAlreadyReplied" });
    const again = client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: 4, data: { content: "second" } }, auth: false,
    });
    await expect(again).rejects.toMatchObject({ status: 400, code: 40060, message: "Interaction has already been acknowledged." });
    expect(fake.interactionResponses(sent.id).map((r) => r.status)).toEqual([204, 400]);
  });

  it("rejects a callback later than interactionTimeoutMs, or for an unknown interaction, with 10062", async () => {
    const { fake, client } = await setup({ interactionTimeoutMs: 100 });
    const received = nextChatInput(client);

    fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;
    await sleep(150);

    await expect(interaction.reply("too late")).rejects.toMatchObject({ status: 404, code: 10062 });
    const unknown = client.rest.post(Routes.interactionCallback("1500000000000000001", "no-such-token"), { body: { type: 4, data: {} }, auth: false });
    await expect(unknown).rejects.toMatchObject({ status: 404, code: 10062 });
  });

  it("makes send reject with 50007 after failNext, then lets the next send through", async () => {
    const { fake, client } = await setup();
    fake.failNext({ method: "POST", pathPattern: /^\/channels\/\d+\/messages$/, status: 403, code: 50007, message: "Cannot send messages to this user" });

    await expect(client.users.send(ALICE.id, "Your weekly digest")).rejects.toMatchObject({ status: 403, code: 50007 });
    await client.users.send(ALICE.id, "Your weekly digest");

    const dm = fake.dmChannelId(ALICE.id);
    expect(fake.requests.filter((r) => r.path === "/users/@me/channels")).toMatchObject([{ body: { recipient_id: ALICE.id }, status: 200 }]);
    expect(fake.requests.filter((r) => r.path === `/channels/${dm}/messages`).map((r) => r.status)).toEqual([403, 200]);
    expect(fake.botMessagesTo(dm)).toHaveLength(1);
  });

  it("routes each guild's interaction only to the client running the shard that owns the guild", async () => {
    expect([shardForGuild(GUILD.id, 2), shardForGuild(OTHER_GUILD.id, 2)]).toEqual([0, 1]);
    const fake = await startFake({ shardCount: 2, guilds: [GUILD, OTHER_GUILD] });
    const shard0 = await startClient(fake, { shards: 0, shardCount: 2 });
    const shard1 = await startClient(fake, { shards: 1, shardCount: 2 });
    const seen: Array<[string, string | null]> = [];
    for (const [name, client] of [["shard0", shard0], ["shard1", shard1]] as const) {
      client.on(Events.InteractionCreate, (i) => {
        seen.push([name, i.guildId]);
        if (i.isChatInputCommand()) void i.reply("ok");
      });
    }

    const a = fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const b = fake.sendSlashCommand({ guildId: OTHER_GUILD.id, channelId: OTHER_CHANNEL_ID, user: ALICE, name: "deal" });
    await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${a.id}/`));
    await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${b.id}/`));
    await sleep(50); // room for a wrongly routed duplicate to show up

    expect(fake.identifies.map((i) => i.shard)).toEqual([[0, 2], [1, 2]]);
    expect(fake.connections).toEqual([1, 1]);
    expect([...shard0.guilds.cache.keys()]).toEqual([GUILD.id]);
    expect([...shard1.guilds.cache.keys()]).toEqual([OTHER_GUILD.id]);
    expect(seen.sort()).toEqual([["shard0", GUILD.id], ["shard1", OTHER_GUILD.id]]);
  });

  it("resumes after closeAllConnections and replays the events sent while the client was disconnected", async () => {
    const { fake, client } = await setup();
    const received = nextMessage(client);

    fake.closeAllConnections();
    const sent = fake.sendDirectMessage({ user: ALICE, content: "still there?" });
    const message = await received;

    expect(message.id).toBe(sent.id);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.resumes).toHaveLength(1);
    expect(fake.connections).toEqual([1]);
    expect(client.isReady()).toBe(true);
  });

  it("forgets the session of a destroyed client, so a later injection throws instead of vanishing", async () => {
    const { fake, client } = await setup();

    await client.destroy();
    await until(() => fake.connections[0] === 0, "the gateway connection to close");

    expect(() => fake.sendDirectMessage({ user: ALICE, content: "anyone?" })).toThrow(/no gateway session/);
  });

  it("stores PUT commands with ids and injects interactions carrying the registered command id", async () => {
    const { fake, client } = await setup();
    await client.application.commands.set([{ name: "deal", description: "Look up a deal" }]);
    await client.application.commands.set([{ name: "admin", description: "Admin tools" }], GUILD.id);
    const received = nextChatInput(client);

    fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    const interaction = await received;

    expect(fake.commands).toMatchObject([{ name: "deal", description: "Look up a deal", application_id: APP_ID }]);
    expect(fake.guildCommands.get(GUILD.id)).toMatchObject([{ name: "admin", guild_id: GUILD.id }]);
    expect(interaction.commandId).toBe(fake.commands[0]?.id);
    expect(await client.application.commands.fetch()).toHaveProperty("size", 1);
  });

  it("answers unexpected routes with 404 code 0 and records them", async () => {
    const { fake, client } = await setup();

    await expect(client.rest.get(Routes.guildBans(GUILD.id))).rejects.toMatchObject({ status: 404, code: 0 });

    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: `/guilds/${GUILD.id}/bans`, status: 404, authorized: true });
  });

  it("never records the bot token, and refuses a client whose token is wrong", async () => {
    const { fake, client } = await setup();
    const received = nextChatInput(client);
    fake.sendSlashCommand({ guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "deal" });
    await (await received).reply("ok");

    expect(fake.requests.find((r) => r.path === "/gateway/bot")).toMatchObject({ authorized: true, status: 200 });
    expect(JSON.stringify(fake.requests)).not.toContain("secret-part");
    await expect(startClient(fake, {}, "MTAw.wrong.token")).rejects.toMatchObject({ code: "TokenInvalid" });
  });
});
