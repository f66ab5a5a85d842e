/** Turns test inputs into gateway dispatches, sent to the session of the shard that owns the guild. */
import {
  botUserPayload, guildChannelPayload, interactionPayload, memberPayload, messagePayload, nestOptions, optionPayloads, userPayload,
} from "./fixtures.js";
import type { Gateway, Session } from "./gateway.js";
import { interactionToken, nextSnowflake, shardForGuild } from "./snowflake.js";
import type { FakeState, GuildState, InteractionState } from "./state.js";
import type {
  AutocompleteInput, ButtonClickInput, DirectMessageInput, FakeChannel, FakeUser, GuildMessageInput, InjectedInteraction, InjectedMessage,
  ModalSubmitInput, SlashCommandInput,
} from "./types.js";
import { modalSubmitComponents } from "./modals.js";

const GUILD_MESSAGES = 1 << 9;
const DIRECT_MESSAGES = 1 << 12;
const MESSAGE_CONTENT = 1 << 15;

export class Injector {
  constructor(private readonly state: FakeState, private readonly gateway: Gateway) {}

  slashCommand(input: SlashCommandInput): InjectedInteraction {
    return this.interaction(2, input, nestOptions(optionPayloads(input.options), input.subcommand, input.subcommandGroup));
  }

  autocomplete(input: AutocompleteInput): InjectedInteraction {
    const focused = { name: input.focused.name, type: input.focused.type ?? 3, value: input.focused.value, focused: true };
    return this.interaction(4, input, nestOptions([...optionPayloads(input.options), focused], input.subcommand, input.subcommandGroup));
  }

  directMessage(input: DirectMessageInput): InjectedMessage {
    const session = this.sessionFor(undefined);
    this.state.rememberUser(input.user);
    const channelId = this.state.dmChannelId(input.user.id);
    const id = nextSnowflake();
    // Discord sends DMs only with the DirectMessages intent; discord.js also needs Partials.Channel to emit them.
    const delivered = (session.intents & DIRECT_MESSAGES) !== 0;
    if (delivered) {
      const message = messagePayload({ id, channelId, author: userPayload(input.user), content: input.content });
      this.gateway.dispatch(session, "MESSAGE_CREATE", { ...message, channel_type: 1 });
    }
    return { id, channelId, delivered };
  }

  guildMessage(input: GuildMessageInput): InjectedMessage {
    const session = this.sessionFor(input.guildId);
    const guild = this.guild(input.guildId);
    this.ensureChannel(session, guild, input.channelId);
    this.state.rememberUser(input.user);
    const id = nextSnowflake();
    const botMention = `<@${this.state.bot.id}>`;
    const content = input.mentionBot && !input.content.includes(botMention) ? `${botMention} ${input.content}` : input.content;
    // Without the MessageContent intent Discord blanks content unless the bot is mentioned.
    const readable = input.mentionBot || (session.intents & MESSAGE_CONTENT) !== 0;
    const delivered = (session.intents & GUILD_MESSAGES) !== 0;
    if (delivered) {
      const mentions = input.mentionBot ? [{ ...botUserPayload(this.state), member: memberPayload(null, [guild.botRoleId], guild.joinedAt) }] : [];
      const message = messagePayload({
        id, channelId: input.channelId, guildId: guild.id, author: userPayload(input.user), content: readable ? content : "", mentions,
        extra: { member: memberPayload(null, [], guild.joinedAt) },
      });
      this.gateway.dispatch(session, "MESSAGE_CREATE", message);
    }
    return { id, channelId: input.channelId, delivered };
  }

  private interaction(type: 2 | 4, input: SlashCommandInput, options: Record<string, unknown>[]): InjectedInteraction {
    const session = this.sessionFor(input.guildId);
    const guild = input.guildId === undefined ? undefined : this.guild(input.guildId);
    if (guild && input.channelId === undefined) throw new Error("fake-discord: a guild interaction needs channelId");
    const channel = guild ? this.ensureChannel(session, guild, input.channelId ?? "") : undefined;
    this.state.rememberUser(input.user);
    const interaction: InteractionState = {
      id: nextSnowflake(), token: interactionToken(), type, sentAt: Date.now(), guildId: guild?.id ?? null,
      channelId: channel?.id ?? this.state.dmChannelId(input.user.id), acknowledged: false, messages: new Map(), userId: input.user.id,
    };
    this.state.interactions.set(interaction.id, interaction);
    this.state.interactionsByToken.set(interaction.token, interaction);
    const command = this.state.commandFor(input.name, input.guildId);
    const data: Record<string, unknown> = { id: command?.id ?? nextSnowflake(), name: input.name, type: 1 };
    if (options.length > 0) data["options"] = options;
    if (command?.["guild_id"]) data["guild_id"] = command["guild_id"];
    const payload = interactionPayload(this.state, {
      interaction, type, user: input.user, memberPermissions: input.memberPermissions ?? "0", data, channelName: channel?.name ?? "",
    });
    this.gateway.dispatch(session, "INTERACTION_CREATE", payload);
    return { id: interaction.id, token: interaction.token };
  }

  /**
   * A click on a button of a message the bot sent (type 3). As on Discord, only a button that is on
   * that message can be clicked: the newest message carrying `customId` unless `messageId` names one.
   */
  buttonClick(input: ButtonClickInput): InjectedInteraction {
    const message = this.messageWithComponent(input.customId, input.messageId);
    const data = { custom_id: input.customId, component_type: 2 };
    return this.componentInteraction(3, message, input.user, data, input.memberPermissions);
  }

  /** The user sends the modal the bot opened in answer to `input.from` (type 5). */
  modalSubmit(input: ModalSubmitInput): InjectedInteraction {
    const from = this.state.interactions.get(input.from.id);
    const modal = from?.modal;
    if (!from || !modal) throw new Error(`fake-discord: interaction ${input.from.id} was not answered with a modal`);
    const user = this.state.userOrPlaceholder(from.userId);
    const data = { custom_id: modal["custom_id"], components: modalSubmitComponents(modal, input.values) };
    const message = from.messageId ? this.state.sentMessages.get(from.messageId) : undefined;
    return this.componentInteraction(5, message, user, data, input.memberPermissions, from.channelId, from.guildId);
  }

  private messageWithComponent(customId: string, messageId: string | undefined): Record<string, unknown> {
    const has = (m: Record<string, unknown>) => JSON.stringify(m["components"] ?? []).includes(JSON.stringify(customId));
    const candidates = messageId ? [this.state.sentMessages.get(messageId)].filter((m) => m !== undefined) : [...this.state.sentMessages.values()].reverse();
    const message = candidates.find(has);
    if (!message) throw new Error(`fake-discord: no message the bot sent has a component with custom_id ${customId}`);
    return message;
  }

  private componentInteraction(
    type: 3 | 5, message: Record<string, unknown> | undefined, user: FakeUser, data: Record<string, unknown>, memberPermissions = "0",
    channelId = String(message?.["channel_id"] ?? ""), guildId: string | null = null,
  ): InjectedInteraction {
    const owner = this.state.channelOwner(channelId);
    const guild = guildId ? this.guild(guildId) : owner && "guildId" in owner ? this.guild(owner.guildId) : undefined;
    const session = this.sessionFor(guild?.id);
    this.state.rememberUser(user);
    const interaction: InteractionState = {
      id: nextSnowflake(), token: interactionToken(), type, sentAt: Date.now(), guildId: guild?.id ?? null,
      channelId: guild ? channelId : this.state.dmChannelId(user.id), acknowledged: false, messages: new Map(), userId: user.id,
      ...(message ? { messageId: String(message["id"]) } : {}),
    };
    this.state.interactions.set(interaction.id, interaction);
    this.state.interactionsByToken.set(interaction.token, interaction);
    const channelName = guild?.channels.find((c) => c.id === channelId)?.name ?? "";
    const payload = interactionPayload(this.state, { interaction, type, user, memberPermissions, data, channelName });
    if (message) payload["message"] = message;
    this.gateway.dispatch(session, "INTERACTION_CREATE", payload);
    return { id: interaction.id, token: interaction.token };
  }

  /** The newest live session of the shard owning the guild; DMs go to shard 0. */
  private sessionFor(guildId: string | undefined): Session {
    const session = this.gateway.latestSession((s) =>
      guildId === undefined ? s.shardId === 0 : shardForGuild(guildId, s.shardCount) === s.shardId);
    if (!session) {
      const owner = guildId === undefined ? "DMs (shard 0)" : `guild ${guildId}`;
      throw new Error(`fake-discord: no gateway session owns ${owner}; has a client logged in?`);
    }
    return session;
  }

  private guild(guildId: string): GuildState {
    const guild = this.state.guilds.get(guildId);
    if (!guild) throw new Error(`fake-discord: unknown guild ${guildId}; pass it in FakeDiscord.start({ guilds })`);
    return guild;
  }

  /** A channel the client has not seen is announced with CHANNEL_CREATE first, so discord.js can resolve it. */
  private ensureChannel(session: Session, guild: GuildState, channelId: string): FakeChannel {
    const known = guild.channels.find((c) => c.id === channelId);
    if (known) return known;
    const channel = { id: channelId, name: `channel-${channelId}` };
    guild.channels.push(channel);
    this.gateway.dispatch(session, "CHANNEL_CREATE", guildChannelPayload(guild.id, channel, guild.channels.length - 1));
    return channel;
  }
}
