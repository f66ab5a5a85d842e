import type { Config } from "../config/config.js";
import { createLogger } from "../logger.js";
import { createBot } from "./bot.js";

/** `npm start` with a token: run until SIGINT or SIGTERM, then disconnect cleanly. */
export async function startBot(config: Config): Promise<number> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : [] });
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: reason }));
  const bot = await createBot(config, { logger });
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      logger.info("shutting down", { signal });
      bot.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
