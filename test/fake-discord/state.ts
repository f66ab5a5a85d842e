import { nextSnowflake } from "./snowflake.js";
import type { FakeChannel, FakeDiscordOptions, FakeUser } from "./types.js";

export interface GuildState {
  id: string;
  name: string;
  channels: FakeChannel[];
  botRoleId: string;
  ownerId: string;
  joinedAt: string;
}

export interface InteractionState {
  id: string;
  token: string;
  /** 2 = application command, 3 = message component, 4 = autocomplete, 5 = modal submit. */
  type: 2 | 3 | 4 | 5;
  sentAt: number;
  guildId: string | null;
  channelId: string;
  acknowledged: boolean;
  /** Messages of the interaction webhook: "@original" and follow-up ids. */
  messages: Map<string, Record<string, unknown>>;
  /** The modal the bot answered with (callback type 9), as sent. */
  modal?: Record<string, unknown>;
  userId: string;
  /** For component and modal interactions: the message the component was on. */
  messageId?: string;
}

export interface StoredCommand extends Record<string, unknown> {
  id: string;
  name: string;
}

/** Everything REST routes and gateway injection share. */
export class FakeState {
  readonly shardCount: number;
  readonly maxConcurrency: number;
  readonly applicationId: string;
  readonly bot: FakeUser;
  readonly botToken: string | undefined;
  readonly botPermissions: string;
  readonly heartbeatIntervalMs: number;
  readonly interactionTimeoutMs: number;
  readonly guilds = new Map<string, GuildState>();
  readonly users = new Map<string, FakeUser>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  /** Every message the bot created (channel messages and interaction replies), by id, as last edited. */
  readonly sentMessages = new Map<string, Record<string, unknown>>();
  commands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  private readonly dmChannels = new Map<string, string>();
  gatewayUrl = "";

  constructor(options: FakeDiscordOptions) {
    this.shardCount = options.shardCount ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? this.shardCount;
    this.applicationId = options.applicationId ?? nextSnowflake();
    this.bot = { id: options.botUserId ?? this.applicationId, username: options.botUsername ?? "DealDesk" };
    this.botToken = options.botToken;
    // ViewChannel | SendMessages | EmbedLinks | AttachFiles | ReadMessageHistory | SendMessagesInThreads
    this.botPermissions = options.botPermissions ?? String(1024 + 2048 + 16384 + 32768 + 65536 + 274877906944);
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 250;
    this.interactionTimeoutMs = options.interactionTimeoutMs ?? 3000;
    for (const guild of options.guilds ?? []) {
      this.guilds.set(guild.id, {
        id: guild.id,
        name: guild.name,
        channels: guild.channels ?? [{ id: nextSnowflake(), name: "general" }],
        botRoleId: nextSnowflake(),
        ownerId: nextSnowflake(),
        joinedAt: new Date().toISOString(),
      });
    }
  }

  rememberUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  userOrPlaceholder(id: string): FakeUser {
    return this.users.get(id) ?? { id, username: `user${id}` };
  }

  /** Stable DM channel id per user, shared by injected DMs and POST /users/@me/channels. */
  dmChannelId(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = nextSnowflake();
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  /** Whom a channel id belongs to, or undefined for a channel the fake never announced. */
  channelOwner(channelId: string): { guildId: string } | { dmUserId: string } | undefined {
    for (const guild of this.guilds.values()) {
      if (guild.channels.some((c) => c.id === channelId)) return { guildId: guild.id };
    }
    for (const [userId, id] of this.dmChannels) if (id === channelId) return { dmUserId: userId };
    return undefined;
  }

  commandFor(name: string, guildId: string | undefined): StoredCommand | undefined {
    const guildCommand = guildId ? this.guildCommands.get(guildId)?.find((c) => c.name === name) : undefined;
    return guildCommand ?? this.commands.find((c) => c.name === name);
  }
}
