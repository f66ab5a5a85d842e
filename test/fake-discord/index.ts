/**
 * FakeDiscord: a loopback-only Discord (REST + gateway) for end-to-end tests with the real discord.js client.
 *
 *   const fake = await FakeDiscord.start({ guilds: [{ id, name }] });
 *   new Client({ ..., rest: { api: fake.apiBase } });
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { guildCreatePayload, readyPayload } from "./fixtures.js";
import { Gateway } from "./gateway.js";
import { Injector } from "./injection.js";
import { RequestLog } from "./recorder.js";
import { createRestHandler } from "./rest.js";
import { appRoutes } from "./routes-app.js";
import { interactionRoutes } from "./routes-interactions.js";
import { shardForGuild } from "./snowflake.js";
import { FakeState, type StoredCommand } from "./state.js";
import type {
  AutocompleteInput, ButtonClickInput, DirectMessageInput, ModalSubmitInput, FailureRule, FakeChannel, FakeDiscordOptions, FakeUser, GuildMessageInput,
  IdentifyRecord, InjectedInteraction, InjectedMessage, RecordedRequest, ResumeRecord, SlashCommandInput,
} from "./types.js";

export type * from "./types.js";
export type { StoredCommand } from "./state.js";
export { shardForGuild } from "./snowflake.js";

export class FakeDiscord {
  /** Every IDENTIFY received, in order. */
  readonly identifies: IdentifyRecord[] = [];
  /** Every accepted RESUME, in order. */
  readonly resumes: ResumeRecord[] = [];
  private readonly log = new RequestLog();
  private readonly gateway: Gateway;
  private readonly injector: Injector;
  private port = 0;

  private constructor(private readonly state: FakeState, private readonly server: Server) {
    const routes = [...appRoutes(state), ...interactionRoutes(state)];
    server.on("request", createRestHandler(routes, this.log, (header) => this.isAuthorized(header)));
    this.gateway = new Gateway(server, {
      heartbeatIntervalMs: state.heartbeatIntervalMs,
      acceptToken: (token) => typeof token === "string" && token !== "" && (state.botToken === undefined || token === state.botToken),
      onIdentify: (shard, intents) => this.identifies.push({ shard, intents, at: Date.now() }),
      onResume: (session, seq) => this.resumes.push({ shard: [session.shardId, session.shardCount], seq, at: Date.now() }),
      welcome: (session) => {
        const guilds = [...state.guilds.values()].filter((g) => shardForGuild(g.id, session.shardCount) === session.shardId);
        const shard: [number, number] = [session.shardId, session.shardCount];
        return [
          ["READY", readyPayload(state, session.id, `ws://127.0.0.1:${this.port}/gateway-resume`, shard, guilds.map((g) => g.id))],
          ...guilds.map((g): [string, unknown] => ["GUILD_CREATE", guildCreatePayload(state, g)]),
        ];
      },
    });
    this.injector = new Injector(state, this.gateway);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(new FakeState(options), createServer());
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      fake.server.listen(0, "127.0.0.1", () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    fake.state.gatewayUrl = `ws://127.0.0.1:${fake.port}/gateway`;
    return fake;
  }

  /** For `new Client({ rest: { api } })`; discord.js appends /v10 itself. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return this.state.gatewayUrl;
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  get botUser(): FakeUser {
    return this.state.bot;
  }

  get requests(): readonly RecordedRequest[] {
    return this.log.records;
  }

  /** Global commands as last PUT. */
  get commands(): readonly StoredCommand[] {
    return this.state.commands;
  }

  /** Guild commands as last PUT, by guild id. */
  get guildCommands(): ReadonlyMap<string, StoredCommand[]> {
    return this.state.guildCommands;
  }

  /** Open identified gateway connections, indexed by shard id. */
  get connections(): number[] {
    return this.gateway.connectionCounts(this.state.shardCount);
  }

  channelsOf(guildId: string): readonly FakeChannel[] {
    return this.state.guilds.get(guildId)?.channels ?? [];
  }

  /** The stable DM channel id of a user (the same one POST /users/@me/channels returns). */
  dmChannelId(userId: string): string {
    return this.state.dmChannelId(userId);
  }

  sendSlashCommand(input: SlashCommandInput): InjectedInteraction {
    return this.injector.slashCommand(input);
  }

  sendAutocomplete(input: AutocompleteInput): InjectedInteraction {
    return this.injector.autocomplete(input);
  }

  /** A user clicks a button on a message the bot sent: a type-3 interaction. */
  clickButton(input: ButtonClickInput): InjectedInteraction {
    return this.injector.buttonClick(input);
  }

  /** The user sends the modal the bot opened for `input.from`: a type-5 interaction. */
  submitModal(input: ModalSubmitInput): InjectedInteraction {
    return this.injector.modalSubmit(input);
  }

  /** A message the bot sent (channel message or interaction reply), as last edited. */
  sentMessage(id: string): Record<string, unknown> | undefined {
    return this.state.sentMessages.get(id);
  }

  sendDirectMessage(input: DirectMessageInput): InjectedMessage {
    return this.injector.directMessage(input);
  }

  sendGuildMessage(input: GuildMessageInput): InjectedMessage {
    return this.injector.guildMessage(input);
  }

  /** The next request matching method (any when omitted) and path fails with this Discord error. */
  failNext(rule: FailureRule): void {
    this.log.failNext(rule);
  }

  /** The first recorded request matching `predicate`, already recorded or still to come. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  /** The callback and interaction-webhook requests of one interaction, in order. */
  interactionResponses(interactionId: string): RecordedRequest[] {
    const interaction = this.state.interactions.get(interactionId);
    if (!interaction) return [];
    const webhook = `/webhooks/${this.state.applicationId}/${interaction.token}`;
    return this.log.records.filter((r) =>
      r.path.startsWith(`/interactions/${interactionId}/`) || r.path === webhook || r.path.startsWith(`${webhook}/`));
  }

  /** Successful POST /channels/{channelId}/messages requests. */
  botMessagesTo(channelId: string): RecordedRequest[] {
    return this.log.records.filter((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages` && r.status < 300);
  }

  /** Drops every gateway connection with a resumable close code; discord.js then RESUMEs. */
  closeAllConnections(code = 4000): void {
    this.gateway.closeAll(code);
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    // REST clients keep connections alive; close them or server.close() waits for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private isAuthorized(header: string | undefined): boolean {
    if (!header?.startsWith("Bot ")) return false;
    return this.state.botToken === undefined || header === `Bot ${this.state.botToken}`;
  }
}
