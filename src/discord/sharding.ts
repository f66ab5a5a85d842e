import { REST, Routes, ShardingManager } from "discord.js";
import { fileURLToPath } from "node:url";
import type { Config } from "../config/config.js";
import type { Logger } from "../logger.js";
import { FATAL_GATEWAY_EXIT_CODE } from "./fatal-close.js";

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
 * A shard that crashes is respawned; one that exits with FATAL_GATEWAY_EXIT_CODE (its gateway was
 * closed for good: bad token, disallowed intents) would only fail again, so `onFatal` stops the
 * manager, which then exits non-zero for its supervisor.
 */
export async function startShardingManager(config: Config, token: string, logger: Logger, onFatal: () => void): Promise<ShardingManager> {
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
    shard.on("death", (child) => {
      const code = "exitCode" in child ? child.exitCode : null;
      if (code === FATAL_GATEWAY_EXIT_CODE) {
        logger.error("shard stopped after a fatal gateway close; stopping every shard and exiting", { shard: shard.id, code });
        manager.respawn = false;
        // discord.js respawns the shard right after this event; stop it on the next turn.
        setImmediate(onFatal);
      } else logger.warn("shard process exited", { shard: shard.id, code });
    });
    shard.on("error", (err) => logger.warn("shard error", { shard: shard.id, error: err }));
  });
  await manager.spawn({ amount: totalShards, delay: config.SHARD_SPAWN_DELAY_MS, timeout: 60_000 });
  return manager;
}
