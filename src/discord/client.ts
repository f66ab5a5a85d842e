import { Client, GatewayIntentBits, Partials } from "discord.js";
import type { Config } from "../config/config.js";

/** No privileged intents. Partials.Channel lets DMs arrive; mentions never ping anyone. */
export function createClient(config: Config, shard?: { shards: number[]; shardCount: number }): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { api: config.DISCORD_API_BASE },
    ...(shard ?? {}),
  });
}
