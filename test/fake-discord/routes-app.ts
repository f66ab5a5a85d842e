/** Gateway discovery, the bot's own user/application, DMs, channel messages and command registration. */
import { botUserPayload, dmChannelPayload, sentMessagePayload } from "./fixtures.js";
import { discordError, type RestReply, type Route } from "./rest.js";
import { nextSnowflake } from "./snowflake.js";
import type { FakeState, StoredCommand } from "./state.js";

export function appRoutes(state: FakeState): Route[] {
  const unknownApplication = discordError(404, 10002, "Unknown Application");
  const get = (pattern: RegExp, handle: Route["handle"]): Route => ({ method: "GET", pattern, auth: true, handle });
  const put = (pattern: RegExp, handle: Route["handle"]): Route => ({ method: "PUT", pattern, auth: true, handle });
  const post = (pattern: RegExp, handle: Route["handle"]): Route => ({ method: "POST", pattern, auth: true, handle });
  const ok = (body: unknown): RestReply => ({ status: 200, body });

  /** Runs `handle` for a known application and guild (when given), else Discord's error. */
  const scoped = (app: string, guildId: string | undefined, handle: () => RestReply): RestReply => {
    if (app !== state.applicationId) return unknownApplication;
    if (guildId !== undefined && !state.guilds.has(guildId)) return discordError(403, 50001, "Missing Access");
    return handle();
  };

  return [
    // The only way discord.js learns the gateway URL; plain /gateway is never called.
    get(/^\/gateway\/bot$/, () => ok({
      url: state.gatewayUrl,
      shards: state.shardCount,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: state.maxConcurrency },
    })),
    get(/^\/users\/@me$/, () => ok(botUserPayload(state))),
    get(/^\/applications\/@me$/, () => ok({
      id: state.applicationId, name: state.bot.username, description: "", icon: null, bot_public: false,
      bot_require_code_grant: false, flags: 0, verify_key: "0".repeat(64), team: null, bot: botUserPayload(state),
    })),
    post(/^\/users\/@me\/channels$/, ({ body }) => {
      const recipientId: unknown = body?.recipient_id;
      if (typeof recipientId !== "string") return discordError(400, 50035, "Invalid Form Body");
      return ok(dmChannelPayload(state.dmChannelId(recipientId), state.userOrPlaceholder(recipientId)));
    }),
    post(/^\/channels\/(\d+)\/messages$/, ({ params: [channelId = ""], body, files }) => {
      if (!state.channelOwner(channelId)) return discordError(404, 10003, "Unknown Channel");
      return ok(sentMessagePayload(state, channelId, body, {}, files));
    }),
    get(/^\/applications\/(\d+)\/commands$/, ({ params: [app = ""] }) => scoped(app, undefined, () => ok(state.commands))),
    put(/^\/applications\/(\d+)\/commands$/, ({ params: [app = ""], body }) =>
      scoped(app, undefined, () => {
        if (!Array.isArray(body)) return discordError(400, 50035, "Invalid Form Body");
        state.commands = storeCommands(state, state.commands, body, undefined);
        return ok(state.commands);
      })),
    get(/^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, ({ params: [app = "", guildId = ""] }) =>
      scoped(app, guildId, () => ok(state.guildCommands.get(guildId) ?? []))),
    put(/^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, ({ params: [app = "", guildId = ""], body }) =>
      scoped(app, guildId, () => {
        if (!Array.isArray(body)) return discordError(400, 50035, "Invalid Form Body");
        const stored = storeCommands(state, state.guildCommands.get(guildId) ?? [], body, guildId);
        state.guildCommands.set(guildId, stored);
        return ok(stored);
      })),
  ];
}

/** PUT replaces the whole list; a command keeps its id when its name and type are unchanged, as on Discord. */
function storeCommands(state: FakeState, previous: StoredCommand[], input: unknown[], guildId: string | undefined): StoredCommand[] {
  return input.map((raw) => {
    const command = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = String(command["name"] ?? "");
    const type = typeof command["type"] === "number" ? command["type"] : 1;
    const kept = previous.find((c) => c.name === name && (c["type"] ?? 1) === type);
    return {
      ...command,
      id: kept?.id ?? nextSnowflake(),
      application_id: state.applicationId,
      version: nextSnowflake(),
      type,
      name,
      description: command["description"] ?? "",
      options: command["options"] ?? [],
      default_member_permissions: command["default_member_permissions"] ?? null,
      nsfw: command["nsfw"] ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  });
}
