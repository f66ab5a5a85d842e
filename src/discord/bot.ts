import { type Client, Events, RESTEvents } from "discord.js";
import type { Config } from "../config/config.js";
import { ConversationStore } from "../conversation-store.js";
import { cacheDirFor, openIndex } from "../engine/bootstrap.js";
import { LiveIndex } from "../engine/live-index.js";
import { createLogger, type Logger } from "../logger.js";
import { RateLimiter } from "../rate-limit.js";
import { ChartRenderer } from "../render/chart/index.js";
import { VERSION } from "../version.js";
import { createClient } from "./client.js";
import { loadCommands } from "./command-loader.js";
import { handleInteraction } from "./interactions.js";
import { handleFeedbackInteraction } from "./feedback-interactions.js";
import { QuestionLog } from "../store/question-log.js";
import { handleMessage } from "./messages.js";
import { installReloadHook, reloadAllShards } from "./shard-reload.js";
import type { BotDeps, ShardReload } from "./types.js";
import { watchData } from "../data-watch.js";
import type { ReloadReport } from "../engine/live-index.js";
import { formatLoadError } from "../kb/types.js";
import { FatalGatewayClose } from "./fatal-close.js";

function logReload(logger: Logger, why: string, report: ReloadReport): void {
  if (!report.ok && report.held) logger.warn("reload held; still serving the previous data until an admin confirms", { why, errors: report.errors.map(formatLoadError) });
  else if (report.ok) logger.info("reloaded", { why, deals: report.after.deals, facts: report.after.facts, added: report.added.length, changed: report.changed.length, removed: report.removed.length, ms: Math.round(report.ms) });
  else logger.warn("reload failed; still serving the previous data", { why, errors: report.errors.map(formatLoadError) });
}

/** Longest the bot waits, before logging in, for the question log's writer thread to start. */
const WRITER_START_WAIT_MS = 5_000;

export interface Bot {
  readonly client: Client;
  readonly deps: BotDeps;
  stop(): Promise<void>;
}

export interface BotOptions {
  readonly logger?: Logger;
  /** Under the ShardingManager: how to reload every shard on this host. */
  readonly reloadAll?: (live: LiveIndex, options?: { confirm?: boolean }) => Promise<ShardReload[]>;
  readonly shard?: { shards: number[]; shardCount: number };
  /**
   * Called once when the gateway is closed for good (4004, 4014, ...), after the error line is
   * logged. The process entry point exits non-zero; without it the client just stays offline.
   */
  readonly onFatal?: (error: FatalGatewayClose) => void;
}

/** Build the bot, wire its handlers and log in. Everything it holds is in `deps`. */
export async function createBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error("DISCORD_TOKEN is required to connect to Discord");
  // Under the ShardingManager, discord.js reads this process's shard ids from SHARDS.
  const managed = process.env["SHARDING_MANAGER"] ? (process.env["SHARDS"] ?? "").split(",").filter(Boolean).map(Number) : undefined;
  const shardIds = options.shard?.shards ?? managed ?? [0];
  const logger = (options.logger ?? createLogger({ level: config.LOG_LEVEL, secrets: [token] })).child(managed || options.shard ? { shard: shardIds.join(",") } : {});
  // The question log's writer thread starts first, so that it boots while the index loads (on the
  // other core); the bot goes online only once it has (see `started` below).
  const questionLog = QuestionLog.fromConfig(config, logger);
  const live = new LiveIndex(await openIndex(config.DATA_DIR, { cacheDir: cacheDirFor(config.KB_CACHE_DIR) }), config.DATA_DIR, {
    timeoutMs: config.RELOAD_TIMEOUT_SECONDS * 1000,
    maxHeapGrowthBytes: config.RELOAD_MAX_MEMORY_MB * 1024 * 1024,
    maxDropShare: config.RELOAD_MAX_DROP_SHARE,
  });
  const commands = await loadCommands();
  const client = createClient(config, options.shard);
  const deps: BotDeps = {
    live,
    config,
    logger,
    limiter: new RateLimiter({ burst: config.RATE_LIMIT_BURST, refillMs: config.RATE_LIMIT_REFILL_SECONDS * 1000 }),
    conversations: new ConversationStore(config.CONVERSATION_TTL_MINUTES * 60_000),
    version: VERSION,
    startedAt: new Date(),
    now: () => Date.now(),
    reloadAll: options.reloadAll ? (o) => options.reloadAll!(live, o) : (o) => reloadAllShards(client, o),
    shardIds,
    charts: new ChartRenderer(),
    questionLog,
  };
  deps.charts.warm();

  installReloadHook(client, live);
  const stopWatching = config.DATA_WATCH
    ? watchData(config.DATA_DIR, async () => logReload(logger, "data changed", await live.reload()), { debounceMs: 500, pollMs: config.DATA_WATCH_POLL_MS, logger })
    : () => {};
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, commands, deps));
  client.on(Events.InteractionCreate, (interaction) => void handleFeedbackInteraction(interaction, deps));
  client.on(Events.MessageCreate, (message) => void handleMessage(message, deps));
  client.once(Events.ClientReady, (c) => logger.info("connected to Discord", { user: c.user.tag, guilds: c.guilds.cache.size, commands: commands.size }));
  client.on(Events.Error, (err) => logger.error("client error", { error: err }));
  let fatal: FatalGatewayClose | undefined;
  client.on(Events.ShardDisconnect, (event, id) => {
    if (fatal) return;
    fatal = new FatalGatewayClose(event.code, id);
    logger.error(fatal.message, { code: event.code, shard: id });
    options.onFatal?.(fatal);
  });
  // A long (e.g. global) 429 holds a response back silently; say so.
  client.rest.on(RESTEvents.RateLimited, (info) => logger.warn("discord rate limit", { route: info.route, global: info.global, retryAfterMs: info.retryAfter }));
  client.on(Events.ShardResume, (id) => logger.info("gateway resumed", { shard: id }));

  logger.info("starting", { version: VERSION, data: live.get().kb.version, deals: live.get().kb.deals.size, facts: live.get().kb.facts.size, api: config.DISCORD_API_BASE });
  // The writer thread's start-up is about a second of CPU on a 2-core host; overlapping the first
  // answers it added ~1 ms to the median answer latency with logging on (bench:log). Bounded: a slow
  // database never holds the bot offline for long.
  await questionLog?.started(WRITER_START_WAIT_MS);
  await client.login(token);
  return {
    client,
    deps,
    stop: async () => {
      stopWatching();
      // A reload in progress stops at its next time slice rather than holding up the shutdown.
      const drained = live.close("the bot is shutting down");
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await client.destroy();
      await deps.charts.close();
      await deps.questionLog?.close();
    },
  };
}
