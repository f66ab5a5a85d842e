import { runConsole } from "./cli/console.js";
import { runCli } from "./cli/run-cli.js";
import { cacheDirFor, openIndex } from "./engine/bootstrap.js";
import { LiveIndex } from "./engine/live-index.js";

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, the offline console otherwise. */
runCli(async (config) => {
  if (!config.DISCORD_TOKEN) {
    const live = new LiveIndex(await openIndex(config.DATA_DIR, { cacheDir: cacheDirFor(config.KB_CACHE_DIR) }), config.DATA_DIR);
    await runConsole(live, { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    return 0;
  }
  const { startBot } = await import("./discord/start.js");
  return startBot(config);
});
