import type { Client } from "discord.js";
import type { Config } from "../config/config.js";
import { reloadReply, statusReply, type ReplyPayload } from "./replies.js";
import type { BotDeps } from "./types.js";

export function isAdmin(config: Config, userId: string): boolean {
  return config.ADMIN_USER_IDS.includes(userId);
}

export const NOT_ADMIN = "This command is only for DealDesk's admins.";

/** The words an allowlisted admin may DM instead of using /admin, matched exactly (case and outer spaces aside). */
export const ADMIN_WORDS = ["reload", "reload confirm", "status"] as const;
export type AdminWord = (typeof ADMIN_WORDS)[number];

export function adminWordOf(text: string): AdminWord | undefined {
  const word = text.trim().toLowerCase().replace(/\s+/g, " ");
  return (ADMIN_WORDS as readonly string[]).includes(word) ? (word as AdminWord) : undefined;
}

export async function runAdminWord(word: AdminWord, client: Client, deps: BotDeps): Promise<{ embeds: NonNullable<ReplyPayload["embeds"]> }> {
  const payload = word === "status" ? statusFor(client, deps) : reloadReply(await deps.reloadAll({ confirm: word === "reload confirm" }), deps.logger.redact);
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
