import type { Config } from "../config/config.js";
import { createLogger } from "../logger.js";
import { createBot } from "./bot.js";
import { startShardingManager } from "./sharding.js";

/**
 * `npm start` with a token: one bot process, or with SHARD_COUNT a ShardingManager that runs one
 * process per shard. Runs until SIGINT or SIGTERM, then disconnects cleanly.
 */
export async function startBot(config: Config): Promise<number> {
  const token = config.DISCORD_TOKEN ?? "";
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [token] });
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: reason }));
  const stop = await (config.SHARD_COUNT !== undefined && !process.env["SHARDING_MANAGER"] ? runManager(config, token, logger) : runBot(config, logger));
  return new Promise((resolve) => {
    const shutdown = (signal: string) => {
      logger.info("shutting down", { signal });
      const done = (code: number) => {
        // Whatever a library left open (a REST sweeper, a shard's IPC) must not keep us alive.
        setTimeout(() => process.exit(code), 2000).unref();
        resolve(code);
      };
      stop().then(
        () => done(0),
        () => done(1),
      );
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
}

async function runBot(config: Config, logger: ReturnType<typeof createLogger>): Promise<() => Promise<void>> {
  const bot = await createBot(config, { logger });
  return () => bot.stop();
}

async function runManager(config: Config, token: string, logger: ReturnType<typeof createLogger>): Promise<() => Promise<void>> {
  const manager = await startShardingManager(config, token, logger.child({ role: "manager" }));
  return async () => {
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.kill();
  };
}
