import { Client, type ClientOptions, GatewayIntentBits, Partials } from "discord.js";
import type { Config } from "../config/config.js";

/** The ShardingManager's variables, which discord.js's Client reads from process.env by itself. */
const MANAGER_VARIABLES = ["SHARD_COUNT", "SHARDS"] as const;

/** No privileged intents. Partials.Channel lets DMs arrive; mentions never ping anyone. */
export function createClient(config: Config, shard?: { shards: number[]; shardCount: number }): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { api: config.DISCORD_API_BASE },
    ...(shard ?? (process.env["SHARDING_MANAGER"] ? {} : shardLayout(config))),
  };
  // Under a ShardingManager those variables are its instructions to this process: let discord.js read them.
  if (process.env["SHARDING_MANAGER"]) return new Client(options);
  // Otherwise SHARD_COUNT is our own setting, already validated into `config`. discord.js would read it
  // again raw, and a blank value (a blank line in .env means "default") or "auto" makes `new Client`
  // throw "The shardCount option must be a number greater than or equal to 1".
  const saved = MANAGER_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of MANAGER_VARIABLES) delete process.env[name];
  try {
    return new Client(options);
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

/** The shards to run when no ShardingManager decides: all SHARD_COUNT shards, Discord's recommendation for "auto", else one. */
function shardLayout(config: Config): Pick<ClientOptions, "shards" | "shardCount"> {
  if (config.SHARD_COUNT === "auto") return { shards: "auto" };
  return config.SHARD_COUNT === undefined ? {} : { shardCount: config.SHARD_COUNT };
}
