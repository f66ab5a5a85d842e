import { REST, Routes } from "discord.js";
import { ConfigError } from "../config/config.js";
import { loadCommands } from "../discord/command-loader.js";
import { runCli } from "./run-cli.js";

/** The application id: DISCORD_APPLICATION_ID, else asked of the API with the bot token. */
async function applicationId(rest: REST, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  try {
    return ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  } catch {
    throw new ConfigError("deploy-commands needs DISCORD_APPLICATION_ID (set it in .env); it could not be read from the API either");
  }
}

/** `npm run deploy-commands`: replace the slash commands, in one guild when DISCORD_GUILD_ID is set, else globally. */
runCli(async (config) => {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new ConfigError("deploy-commands needs DISCORD_TOKEN (set it in .env)");
  const commands = await loadCommands();
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(token);
  const appId = await applicationId(rest, config.DISCORD_APPLICATION_ID);
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(appId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(appId);
  const stored = (await rest.put(route, { body })) as unknown[];
  console.log(`Registered ${stored.length} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : "globally"}: ${body.map((c) => `/${c.name}`).join(", ")}`);
  return 0;
});
