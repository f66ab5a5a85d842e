import type { Config } from "../config/config.js";
import { ConfigError } from "../config/config.js";
import { loadConfig } from "../config/load-env.js";
import { DataError } from "../engine/bootstrap.js";

/** Run a command-line entry point: config errors and data errors print plainly and exit non-zero. */
export function runCli(main: (config: Config) => Promise<number>): void {
  (async () => {
    const config = loadConfig();
    process.exitCode = await main(config);
  })().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataError) console.error(err.message);
    else console.error("Unexpected error:", err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
}
