import type { Client } from "discord.js";
import type { LiveIndex } from "../engine/live-index.js";
import type { ShardReload } from "./types.js";

/** The hook each shard hangs on its client, so a broadcast from any shard can reload it. */
export interface ReloadHook {
  dealdeskReload(options?: { confirm?: boolean }): Promise<ShardReload>;
}

export function installReloadHook(client: Client, live: LiveIndex): void {
  const hook: ReloadHook = { dealdeskReload: async (options = {}) => ({ shard: client.shard?.ids[0] ?? 0, ...(await live.reload(options)) }) };
  Object.assign(client, hook);
}

/**
 * Reload every shard this host runs and report each one. A shard that cannot be reached or whose
 * reload throws is reported as failed; its old index keeps answering.
 */
export async function reloadAllShards(client: Client, options: { confirm?: boolean } = {}): Promise<ShardReload[]> {
  const util = client.shard;
  const confirm = options.confirm ?? false;
  if (!util) return [await (client as unknown as ReloadHook).dealdeskReload({ confirm })];
  const ids = [...Array(util.count).keys()];
  const settled = await Promise.allSettled(
    ids.map((shard) => util.broadcastEval((c, context) => (c as unknown as ReloadHook).dealdeskReload(context), { shard, context: { confirm } }) as Promise<ShardReload>),
  );
  const reports: ShardReload[] = [];
  settled.forEach((result, shard) => {
    if (result.status === "fulfilled") reports.push(result.value);
    // A shard another host runs is not ours to reload.
    else if (!/ShardNotFound|ShardingNoShardFound|could not be found|not found/i.test(String(result.reason))) {
      reports.push({ shard, ok: false, errors: [{ file: `shard ${shard}`, path: "", message: `did not answer: ${String(result.reason).slice(0, 200)}` }], ms: 0 });
    }
  });
  return reports.sort((a, b) => a.shard - b.shard);
}
