/** Public shapes of the fake's options, injection inputs and records. */

export interface FakeUser {
  id: string;
  username: string;
}

export interface FakeChannel {
  id: string;
  name: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  /** Text channels sent in GUILD_CREATE. Defaults to one channel named "general". */
  channels?: FakeChannel[];
}

export interface FakeDiscordOptions {
  /** Announced by GET /gateway/bot. Default 1. */
  shardCount?: number;
  /** session_start_limit.max_concurrency. Default shardCount, so one client's shards identify at once. */
  maxConcurrency?: number;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  /** When set, REST and IDENTIFY must present exactly this token; otherwise any `Bot …` token is accepted. */
  botToken?: string;
  guilds?: FakeGuild[];
  /** Permissions of the bot's role in every guild, and app_permissions of interactions. */
  botPermissions?: string;
  heartbeatIntervalMs?: number;
  /** A callback later than this after the interaction was sent gets 10062. Default 3000. */
  interactionTimeoutMs?: number;
}

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  /** The part's Content-Type, as the client sent it. */
  contentType: string;
  /** The file's bytes. */
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Decoded and relative to /api/v10, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased; `authorization` is removed, see `authorized`. */
  headers: Record<string, string>;
  /** True when a valid `Bot <token>` Authorization header was sent. */
  authorized: boolean;
  /** Parsed JSON (or multipart payload_json), null when there was no body. Typed any for easy assertions. */
  body: any;
  files: RecordedFile[];
  /** HTTP status the fake answered with. */
  status: number;
  at: number;
}

export interface FailureRule {
  /** Any method when omitted. */
  method?: string;
  pathPattern: RegExp;
  status: number;
  code: number;
  message: string;
}

export interface IdentifyRecord {
  shard: [number, number];
  intents: number;
  at: number;
}

export interface ResumeRecord {
  shard: [number, number];
  seq: number;
  at: number;
}

export interface CommandOptionInput {
  name: string;
  type: number;
  value: string | number | boolean;
}

export interface SlashCommandInput {
  /** Omit for a command used in the bot's DM. */
  guildId?: string;
  /** Required with guildId. In DMs the user's DM channel (see FakeDiscord.dmChannelId) is used. */
  channelId?: string;
  user: FakeUser;
  /** String bitfield for member.permissions. Default "0". */
  memberPermissions?: string;
  name: string;
  options?: CommandOptionInput[];
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option being typed; `type` defaults to 3 (string). */
  focused: { name: string; value: string; type?: number };
}

export interface ButtonClickInput {
  user: FakeUser;
  customId: string;
  /** The message holding the button; default the newest bot message that has a component with this custom id. */
  messageId?: string;
  memberPermissions?: string;
}

export interface ModalSubmitInput {
  /** The interaction (a button click) the bot answered with a modal; its user submits it. */
  from: InjectedInteraction;
  /** Text input values by custom_id; inputs not named are sent empty, as Discord does. */
  values: Record<string, string>;
  memberPermissions?: string;
}

export interface InjectedInteraction {
  id: string;
  token: string;
}

export interface DirectMessageInput {
  user: FakeUser;
  content: string;
}

export interface GuildMessageInput {
  guildId: string;
  channelId: string;
  user: FakeUser;
  content: string;
  mentionBot: boolean;
}

export interface InjectedMessage {
  id: string;
  channelId: string;
  /** False when the connected session lacks the intent Discord requires for this event. */
  delivered: boolean;
}
