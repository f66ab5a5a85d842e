import { REST, Routes } from "discord.js";
import { ConfigError } from "../config/config.js";
import { loadCommands } from "../discord/command-loader.js";
import { runCli } from "./run-cli.js";

/** `npm run deploy-commands`: replace the slash commands, in one guild when DISCORD_GUILD_ID is set, else globally. */
runCli(async (config) => {
  const token = config.DISCORD_TOKEN;
  const appId = config.DISCORD_APPLICATION_ID;
  const missing = [!token && "DISCORD_TOKEN", !appId && "DISCORD_APPLICATION_ID"].filter(Boolean);
  if (!token || !appId) throw new ConfigError(`deploy-commands needs ${missing.join(" and ")} (set them in .env)`);
  const commands = await loadCommands();
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(token);
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(appId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(appId);
  const stored = (await rest.put(route, { body })) as unknown[];
  console.log(`Registered ${stored.length} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : "globally"}: ${body.map((c) => `/${c.name}`).join(", ")}`);
  return 0;
});
