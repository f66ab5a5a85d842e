import type { Config } from "../config/config.js";
import { ConfigError } from "../config/config.js";
import { loadConfig } from "../config/load-env.js";
import { DataError } from "../engine/bootstrap.js";
import { createLogger } from "../logger.js";

/**
 * Run a command-line entry point. A failure before or during start-up is one JSON line on stderr
 * from the same logger and redactor as everything else (config and data errors by their message,
 * anything else with its serialised stack), and the exit code is 1.
 */
export function runCli(main: (config: Config) => Promise<number>): void {
  quietOnClosedPipe();
  (async () => {
    const config = loadConfig();
    process.exitCode = await main(config);
  })().catch((err: unknown) => {
    const logger = createLogger({ level: "error", secrets: [process.env["DISCORD_TOKEN"]] });
    if (err instanceof ConfigError || err instanceof DataError) logger.error(err.message);
    else logger.error("start-up failed", { error: err });
    process.exitCode = 1;
  });
}

/** `npm run eval | head`: a reader that stops reading ends the run quietly, not with an EPIPE stack. */
export function quietOnClosedPipe(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}
