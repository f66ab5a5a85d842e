import type { Client } from "discord.js";
import type { Config } from "../config/config.js";
import { reloadReply, statusReply, type ReplyPayload } from "./replies.js";
import type { BotDeps } from "./types.js";

export function isAdmin(config: Config, userId: string): boolean {
  return config.ADMIN_USER_IDS.includes(userId);
}

export const NOT_ADMIN = "This command is only for DealDesk's admins.";

export async function runAdminWord(word: "reload" | "status", client: Client, deps: BotDeps): Promise<{ embeds: NonNullable<ReplyPayload["embeds"]> }> {
  const payload = word === "reload" ? reloadReply(await deps.reloadAll()) : statusFor(client, deps);
  return { embeds: payload.embeds ?? [] };
}

export function statusFor(client: Client, deps: BotDeps): ReplyPayload {
  return statusReply(deps.live.get(), {
    version: deps.version,
    startedAt: deps.startedAt,
    reloadedAt: deps.live.reloadedAt,
    shardIds: deps.shardIds,
    guilds: client.guilds.cache.size,
    pingMs: Math.max(0, Math.round(client.ws.ping)),
  });
}
