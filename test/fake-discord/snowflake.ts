import { randomBytes } from "node:crypto";

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh snowflake whose timestamp is now, like the ids Discord hands out. */
export function nextSnowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Discord's sharding formula: (guild_id >> 22) % num_shards. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Interaction tokens are long opaque url-safe strings. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(48).toString("base64url")}`;
}

export function sessionId(): string {
  return randomBytes(16).toString("hex");
}
