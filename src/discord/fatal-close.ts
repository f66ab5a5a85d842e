import { GatewayCloseCodes } from "discord.js";

/**
 * Exit code of a process whose gateway was closed for good (sysexits' EX_CONFIG: the token, the
 * intents or the shard layout must change before a restart can help). Any non-zero code makes
 * systemd's Restart=on-failure fire; a ShardingManager that sees a shard exit with it stops too.
 */
export const FATAL_GATEWAY_EXIT_CODE = 78;

const HINTS: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]: "the token is invalid or was reset: set a new DISCORD_TOKEN",
  [GatewayCloseCodes.InvalidShard]: "the shard layout is invalid: check SHARD_COUNT and SHARD_IDS",
  [GatewayCloseCodes.ShardingRequired]: "Discord requires sharding: set SHARD_COUNT=auto",
  [GatewayCloseCodes.InvalidAPIVersion]: "the gateway API version is no longer accepted: update discord.js",
  [GatewayCloseCodes.InvalidIntents]: "the requested intents are invalid",
  [GatewayCloseCodes.DisallowedIntents]: "an intent the bot asks for is not enabled for it in the developer portal",
};

/** discord.js emits ShardDisconnect only for close codes it will not reconnect after. */
export class FatalGatewayClose extends Error {
  constructor(readonly code: number, readonly shard: number) {
    const name = GatewayCloseCodes[code] ?? "unknown";
    super(`gateway closed with ${code} (${name}) on shard ${shard}; discord.js will not reconnect: ${HINTS[code] ?? "see Discord's gateway close codes"}`);
  }
}
