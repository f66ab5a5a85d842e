import { REST, Routes, ShardingManager } from "discord.js";
import { fileURLToPath } from "node:url";
import type { Config } from "../config/config.js";
import type { Logger } from "../logger.js";

const ENTRY = fileURLToPath(new URL("../main.ts", import.meta.url));

/** "auto" asks Discord (through DISCORD_API_BASE, not the hard-coded API that discord.js would use). */
export async function resolveShardCount(config: Config, token: string): Promise<number> {
  if (typeof config.SHARD_COUNT === "number") return config.SHARD_COUNT;
  const info = (await new REST({ api: config.DISCORD_API_BASE }).setToken(token).get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, info.shards);
}

/**
 * Run the bot as one process per shard. With SHARD_IDS only those shards run here, so several
 * hosts can each run part of one bot; every shard loads its own copy of the knowledge base.
 */
export async function startShardingManager(config: Config, token: string, logger: Logger): Promise<ShardingManager> {
  const totalShards = await resolveShardCount(config, token);
  const manager = new ShardingManager(ENTRY, {
    token,
    totalShards,
    shardList: config.SHARD_IDS ?? "auto",
    mode: "process",
    execArgv: ["--import", "tsx"],
    respawn: true,
  });
  manager.on("shardCreate", (shard) => {
    logger.info("shard started", { shard: shard.id, of: totalShards });
    shard.on("death", () => logger.warn("shard process exited", { shard: shard.id }));
  });
  await manager.spawn({ amount: totalShards, delay: config.SHARD_SPAWN_DELAY_MS, timeout: 60_000 });
  return manager;
}
