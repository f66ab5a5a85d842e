/** Builders for the JSON payloads Discord sends, with the fields discord.js needs. */
import { nextSnowflake } from "./snowflake.js";
import type { FakeState, GuildState, InteractionState } from "./state.js";
import type { CommandOptionInput, FakeUser, RecordedFile } from "./types.js";

type Json = Record<string, unknown>;

export function userPayload(user: FakeUser, bot = false): Json {
  return { id: user.id, username: user.username, discriminator: "0", global_name: null, avatar: null, bot, public_flags: 0 };
}

export function botUserPayload(state: FakeState): Json {
  return { ...userPayload(state.bot, true), verified: true, mfa_enabled: false, flags: 0 };
}

export function memberPayload(user: FakeUser | null, roles: string[], joinedAt: string): Json {
  const member: Json = { roles, joined_at: joinedAt, nick: null, avatar: null, deaf: false, mute: false, flags: 0, pending: false };
  if (user) member["user"] = userPayload(user);
  return member;
}

export function guildChannelPayload(guildId: string, channel: { id: string; name: string }, position = 0): Json {
  return {
    id: channel.id, type: 0, guild_id: guildId, name: channel.name, position, permission_overwrites: [],
    nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0,
  };
}

export function dmChannelPayload(channelId: string, recipient: FakeUser): Json {
  return { id: channelId, type: 1, recipients: [userPayload(recipient)], last_message_id: null, flags: 0 };
}

function rolePayload(id: string, name: string, permissions: string, position: number): Json {
  return { id, name, permissions, position, color: 0, hoist: false, icon: null, unicode_emoji: null, managed: false, mentionable: false, flags: 0 };
}

export function readyPayload(state: FakeState, sessionId: string, resumeUrl: string, shard: [number, number], guildIds: string[]): Json {
  return {
    v: 10,
    user: botUserPayload(state),
    application: { id: state.applicationId, flags: 0 },
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    session_type: "normal",
    // Every guild listed here holds back clientReady until its GUILD_CREATE arrives.
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    shard,
    private_channels: [],
    relationships: [],
    user_settings: {},
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    _trace: ["fake-discord"],
  };
}

export function guildCreatePayload(state: FakeState, guild: GuildState): Json {
  const bot = { ...state.bot };
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, banner: null, description: null,
    owner_id: guild.ownerId, afk_channel_id: null, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0,
    features: [], system_channel_id: null, system_channel_flags: 0, rules_channel_id: null,
    public_updates_channel_id: null, vanity_url_code: null, preferred_locale: "en-US",
    premium_progress_bar_enabled: false, joined_at: guild.joinedAt, large: false, unavailable: false, member_count: 1,
    // The @everyone role shares the guild's id.
    roles: [rolePayload(guild.id, "@everyone", "0", 0), rolePayload(guild.botRoleId, bot.username, state.botPermissions, 1)],
    members: [{ ...memberPayload(bot, [guild.botRoleId], guild.joinedAt), user: botUserPayload(state) }],
    channels: guild.channels.map((c, i) => guildChannelPayload(guild.id, c, i)),
    threads: [], emojis: [], stickers: [], presences: [], voice_states: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [],
  };
}

/** Chat-input options, nested the Discord way: group (type 2) > subcommand (type 1) > options. */
export function nestOptions(options: Json[], subcommand?: string, group?: string): Json[] {
  let nested = options;
  if (subcommand) nested = [{ name: subcommand, type: 1, options: nested }];
  if (group) nested = [{ name: group, type: 2, options: nested }];
  return nested;
}

export function optionPayloads(options: CommandOptionInput[] | undefined): Json[] {
  return (options ?? []).map((o) => ({ name: o.name, type: o.type, value: o.value }));
}

export interface InteractionPayloadInput {
  interaction: InteractionState;
  type: 2 | 3 | 4 | 5;
  user: FakeUser;
  memberPermissions: string;
  data: Json;
  channelName: string;
}

export function interactionPayload(state: FakeState, input: InteractionPayloadInput): Json {
  const { interaction, user } = input;
  const guild = interaction.guildId ? state.guilds.get(interaction.guildId) : undefined;
  const base: Json = {
    id: interaction.id, application_id: state.applicationId, type: input.type, token: interaction.token, version: 1,
    data: input.data, app_permissions: state.botPermissions, locale: "en-US",
    // Without entitlements and authorizing_integration_owners discord.js drops the event silently.
    entitlements: [], attachment_size_limit: 10485760,
  };
  if (guild) {
    return {
      ...base, guild_id: guild.id, guild_locale: "en-US", context: 0, channel_id: interaction.channelId,
      channel: { ...guildChannelPayload(guild.id, { id: interaction.channelId, name: input.channelName }), permissions: input.memberPermissions },
      member: { ...memberPayload(user, [], guild.joinedAt), permissions: input.memberPermissions },
      authorizing_integration_owners: { "0": guild.id },
    };
  }
  return {
    ...base, context: 1, channel_id: interaction.channelId, channel: dmChannelPayload(interaction.channelId, user),
    user: userPayload(user), authorizing_integration_owners: { "0": "0" },
  };
}

export interface MessagePayloadInput {
  id: string;
  channelId: string;
  author: Json;
  content: string;
  guildId?: string;
  mentions?: Json[];
  extra?: Json;
}

export function messagePayload(input: MessagePayloadInput): Json {
  const message: Json = {
    id: input.id, type: 0, channel_id: input.channelId, author: input.author, content: input.content,
    timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
    mentions: input.mentions ?? [], mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, flags: 0,
    ...input.extra,
  };
  if (input.guildId) message["guild_id"] = input.guildId;
  return message;
}

/** The message object REST returns for something the bot sent (channel message or interaction webhook). */
/**
 * Attachments as Discord returns them: each uploaded file (field files[n]) with the description the
 * payload's `attachments[]` entry of id n gave it.
 */
export function attachmentsPayload(body: Json, files: readonly RecordedFile[]): Json[] {
  const declared = Array.isArray(body["attachments"]) ? (body["attachments"] as Json[]) : [];
  return files.map((f) => {
    const n = /^files\[(\d+)\]$/.exec(f.field)?.[1] ?? "";
    const meta = declared.find((a) => String(a["id"]) === n) ?? {};
    const id = nextSnowflake();
    return {
      id, filename: f.name, size: f.size, content_type: f.contentType,
      ...(typeof meta["description"] === "string" ? { description: meta["description"] } : {}),
      url: `https://cdn.discordapp.com/attachments/fake/${id}/${f.name}`, proxy_url: `https://media.discordapp.net/attachments/fake/${id}/${f.name}`,
    };
  });
}

export function sentMessagePayload(state: FakeState, channelId: string, body: Json | null, extra: Json = {}, files: readonly RecordedFile[] = []): Json {
  const b = body ?? {};
  const reply = b["message_reference"] ? { type: 19, message_reference: b["message_reference"] } : {};
  const message = messagePayload({
    id: nextSnowflake(), channelId, author: botUserPayload(state), content: typeof b["content"] === "string" ? b["content"] : "",
    extra: { embeds: b["embeds"] ?? [], components: b["components"] ?? [], flags: b["flags"] ?? 0, attachments: attachmentsPayload(b, files), ...reply, ...extra },
  });
  state.sentMessages.set(String(message["id"]), message);
  return message;
}
