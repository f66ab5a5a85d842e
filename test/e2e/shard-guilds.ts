import { shardForGuild } from "../fake-discord/index.js";

/** A guild id that Discord's formula puts on `shard` of two. */
export function guildOnShard(shard: number): string {
  // Snowflakes carry their timestamp above bit 22; start at a realistic 18-digit id.
  for (let n = 1n << 36n; n < (1n << 36n) + 10n; n++) {
    const id = String((n << 22n) + 1n);
    if (shardForGuild(id, 2) === shard) return id;
  }
  throw new Error("no guild id found");
}

export const FAKE_GUILDS_FOR_TWO_SHARDS = [
  { id: guildOnShard(0), name: "Shard zero", channels: [{ id: "1300000000000000020", name: "deals" }] },
  { id: guildOnShard(1), name: "Shard one", channels: [{ id: "1300000000000000021", name: "deals" }] },
];
